#include "Case.h"

QString Case::summary(int maxChars) const
{
    QString line = complaintText.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > maxChars) {
        line = line.left(maxChars - 1) + QChar(0x2026);
    }
    return line;
}
