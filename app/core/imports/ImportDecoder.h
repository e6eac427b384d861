#pragma once

#include "common/Result.h"
#include "imports/Import.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/**
 * imports (issue 13): a CSV file's bytes to text, the encoding detected without being told: a UTF-8 byte order mark
 * = UTF-8 (BOM); else bytes that are valid UTF-8 (plain ASCII included) = UTF-8; else GB18030, a superset of GBK,
 * which Excel and WPS write on Chinese Windows (decoded by Qt through ICU). Bytes that are neither are an Invalid
 * error that names the first line holding them, never a guess.
 */
class ImportDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ImportDecoder)

public:
    struct Decoded
    {
        Import::Encoding encoding = Import::Encoding::Utf8;
        QString text; ///< without the byte order mark
    };

    static Result<Decoded> decode(const QByteArray& bytes);
    /** Whether this Qt decodes GB18030 (ICU); without it only UTF-8 files can be read. */
    static bool hasGb18030();
};
