#include "ImportDecoder.h"

#include <QStringDecoder>

namespace {
/** The first line (1-based) of `bytes` that `encoding` cannot decode, or 0. Lines split at LF, which neither
 * UTF-8 nor GB18030 uses inside a multi-byte character. */
qint64 firstBadLine(const QByteArray& bytes, const char* encoding)
{
    qint64 line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0) {
            end = bytes.size();
        }
        QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (decoder.hasError()) {
            return std::max<qint64>(line, 1);
        }
        start = end + 1;
        ++line;
    }
    return 0;
}
} // namespace

namespace Import {
QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}
} // namespace Import

bool ImportDecoder::hasGb18030()
{
    return QStringDecoder("GB18030").isValid();
}

Result<ImportDecoder::Decoded> ImportDecoder::decode(const QByteArray& bytes)
{
    Decoded result;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        result.encoding = Import::Encoding::Utf8Bom;
        result.text = utf8.decode(QByteArrayView(bytes).sliced(3));
        if (utf8.hasError()) {
            return Error::make(Error::Code::Invalid,
                               tr("line %1: the file starts as UTF-8 (byte order mark) but holds bytes that are not "
                                  "UTF-8.")
                                   .arg(firstBadLine(bytes, "UTF-8")));
        }
        return result;
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        return Error::make(Error::Code::Invalid, tr("line 1: the file is UTF-16 (Unicode text); save it as CSV in "
                                                    "UTF-8 or GB18030 (the \"CSV\" choices of Excel and WPS)."));
    }
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        result.text = utf8.decode(bytes);
        if (!utf8.hasError()) {
            result.encoding = Import::Encoding::Utf8;
            return result;
        }
    }
    if (!hasGb18030()) {
        return Error::make(Error::Code::Invalid, tr("line %1: the file is not UTF-8, and this build cannot read "
                                                    "GB18030.")
                                                     .arg(firstBadLine(bytes, "UTF-8")));
    }
    QStringDecoder decoder("GB18030", QStringDecoder::Flag::Stateless);
    result.encoding = Import::Encoding::Gb18030;
    result.text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return Error::make(Error::Code::Invalid,
                           tr("line %1: the file is neither UTF-8 nor GB18030/GBK (bytes that neither encoding "
                              "allows).")
                               .arg(firstBadLine(bytes, "GB18030")));
    }
    return result;
}
