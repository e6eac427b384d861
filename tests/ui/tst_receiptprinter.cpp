#include "cases/Receipt.h"
#include "common/AppSettings.h"
#include "intake/ReceiptPrinter.h"

#include <QFile>
#include <QFontDatabase>
#include <QTemporaryDir>
#include <QTest>

/** The receipt on PDF: written, with the CJK font embedded as text (a ToUnicode map), masked personal data. */
class TestReceiptPrinter : public QObject
{
    Q_OBJECT

private slots:
    void pdfHoldsSelectableChineseText();
    void unwritablePathIsAnError();
    void settingsNameTheHall();

private:
    static Receipt sample();
};

Receipt TestReceiptPrinter::sample()
{
    Case c;
    c.caseNo = QStringLiteral("QT-20250602-0001");
    c.receivedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 30));
    c.promisedAt = QDateTime(QDate(2025, 6, 4), QTime(9, 30));
    c.facts = QStringLiteral("您反映的是：材料被退回，对吗？");
    c.steps = QStringLiteral("明天上午回电");
    Citizen citizen;
    citizen.name = QStringLiteral("张三");
    return Receipt::compose(c, citizen, QStringLiteral("测试市政务服务大厅"), QString());
}

void TestReceiptPrinter::pdfHoldsSelectableChineseText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    QVERIFY(ReceiptPrinter::savePdf(sample(), path));
    // For a look at it (docs/screenshots): QINGTING_KEEP_RECEIPT=/some/file.pdf keeps a copy.
    if (const QString keep = qEnvironmentVariable("QINGTING_KEEP_RECEIPT"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(path, keep);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 2000);
    if (!QFontDatabase::families().contains(ReceiptPrinter::fontFamily())) {
        QSKIP("Noto Sans CJK SC is not installed here");
    }
    // Text, not outlines: the font is embedded and maps its glyphs back to Unicode, so the text can be copied.
    QVERIFY(pdf.contains("/FontFile"));
    QVERIFY(pdf.contains("/ToUnicode"));
    QVERIFY(pdf.contains("NotoSansCJK"));
}

void TestReceiptPrinter::unwritablePathIsAnError()
{
    const Status written = ReceiptPrinter::savePdf(sample(), QStringLiteral("/nonexistent-folder/receipt.pdf"));
    QVERIFY(!written);
    QVERIFY(!written.error().message.isEmpty());
}

void TestReceiptPrinter::settingsNameTheHall()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setValue(AppSettings::Key::HallName, QStringLiteral("某区政务服务中心"));
    settings.setValue(AppSettings::Key::ReceiptEnquiry, QStringLiteral("咨询电话 12345"));
    Case c;
    c.caseNo = QStringLiteral("QT-1");
    const Receipt r = ReceiptPrinter::receiptFor(c, Citizen{}, settings);
    QCOMPARE(r.hallName, QStringLiteral("某区政务服务中心"));
    QVERIFY(r.footer.contains(QStringLiteral("咨询电话 12345")));
    QVERIFY(ReceiptPrinter::html(r).contains(QStringLiteral("某区政务服务中心")));
}

QTEST_MAIN(TestReceiptPrinter)
#include "tst_receiptprinter.moc"
