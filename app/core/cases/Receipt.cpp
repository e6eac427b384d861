#include "cases/Receipt.h"

#include "cases/Intake.h"
#include "services/IntakeService.h"

#include <QStringList>

namespace {
QString timeText(const QDateTime& t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

QString Receipt::maskName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    // Surnames of two characters (欧阳, 司马, ...) are rare; keeping one character never reveals more than the surname.
    const QList<uint> chars = trimmed.toUcs4();
    QString masked = QString::fromUcs4(reinterpret_cast<const char32_t*>(chars.constData()), 1);
    masked += QString(qMax<qsizetype>(1, chars.size() - 1), QLatin1Char('*'));
    return masked;
}

QString Receipt::maskedAddress(const Citizen& citizen)
{
    const QString masked = maskName(citizen.name);
    return masked.isEmpty() ? tr("Citizen (anonymous)") : masked;
}

Receipt Receipt::compose(const Case& stored, const Citizen& citizen, const QString& hallName, const QString& enquiry)
{
    Receipt r;
    r.hallName = hallName.trimmed().isEmpty() ? tr("Government Service Hall") : hallName.trimmed();
    r.title = tr("Complaint receipt");
    r.caseNo = stored.caseNo;
    const IntakeDetail& d = stored.intake;

    const auto add = [&r](const QString& label, const QString& value) {
        if (!value.trimmed().isEmpty()) {
            r.lines.append({label, value.trimmed()});
        }
    };
    add(tr("Case number"), stored.caseNo);
    add(tr("Date"), timeText(stored.receivedAt));
    add(tr("Complainant"), maskedAddress(citizen));
    add(tr("Service item"), stored.serviceItem.name);
    add(tr("Window"), stored.window.name);
    add(tr("What you told us"), stored.facts.isEmpty() ? d.facts.what : IntakeService::agreedStatement(stored.facts));
    add(tr("Your demand"), d.impact.demand);
    QStringList remedies;
    for (Remedy remedy : d.steps.remedies) {
        remedies << IntakeCodes::label(remedy);
    }
    add(tr("Done for you now"), remedies.join(QStringLiteral("、")));
    if (d.resolvedOnSpot) {
        add(tr("Resolved on the spot"), d.steps.remedyNote.isEmpty() ? tr("Yes") : d.steps.remedyNote);
    } else {
        add(tr("Remedy details"), d.steps.remedyNote);
    }
    add(tr("Next steps"), stored.steps);
    add(tr("Responsible unit"), stored.department.name);
    add(tr("We will answer by"), timeText(stored.promisedAt));
    add(tr("Recorded by"), stored.createdBy.name);

    const QString ask = enquiry.trimmed().isEmpty()
                            ? tr("Ask at the complaint window of the hall, quoting the case number.")
                            : enquiry.trimmed();
    r.footer = tr("Where to ask: %1").arg(ask) + QLatin1Char('\n') +
               tr("Thank you for telling us. Your feedback helps us serve everyone better.");
    return r;
}

QString Receipt::toPlainText() const
{
    QStringList out;
    out << hallName << title;
    for (const ReceiptLine& line : lines) {
        out << tr("%1: %2").arg(line.label, line.value);
    }
    out << footer;
    return out.join(QLatin1Char('\n'));
}
