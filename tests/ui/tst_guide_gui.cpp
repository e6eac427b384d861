#include "GuiTestSupport.h"
#include "help/GuideDialog.h"

#include <QTabBar>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace GuiTest;

/** The user guide (issue 17): F1 in the main window opens the signed-in role's page, with its screenshots. */
class TestGuideGui : public QObject
{
    Q_OBJECT

private slots:
    void f1OpensTheRolesPageWithItsPictures()
    {
        quietOffscreenWarnings();
        Desk desk;
        const QString problem = desk.open();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto clerk = desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"),
                                        QStringLiteral("Clerk-pass-2026"));
        QVERIFY(clerk);
        const auto window = desk.showWindow(*clerk);
        QVERIFY(window);
        window->activateWindow();
        QTest::keyClick(window.get(), Qt::Key_F1);
        GuideDialog* guide = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((guide = findWindow<GuideDialog>()) != nullptr, kTimeoutMs);
        QTextBrowser* browser = guide->browser();
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/guide/clerk.md")));
        const QString text = browser->document()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("窗口工作人员")), qPrintable(text.left(200)));
        QVERIFY(text.contains(QStringLiteral("引导式受理")));
        // Its pictures are there, scaled to the page (none wider than the browser).
        int images = 0;
        for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextImageFormat f = it.fragment().charFormat().toImageFormat();
                if (!f.isValid()) {
                    continue;
                }
                const QVariant image = browser->document()->resource(QTextDocument::ImageResource, QUrl(f.name()));
                QVERIFY2(image.isValid(), qPrintable(f.name()));
                QVERIFY(image.value<QImage>().width() <= browser->viewport()->width());
                ++images;
            }
        }
        QVERIFY2(images >= 8, qPrintable(QString::number(images)));

        // The other roles' pages are a click away.
        auto* tabs = child<QTabBar>(guide, "guidePages");
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        tabs->setCurrentIndex(3);
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/guide/admin.md")));
        QVERIFY(browser->document()->toPlainText().contains(QStringLiteral("备份与恢复")));
        QTest::keyClick(guide, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(findWindow<GuideDialog>() == nullptr, kTimeoutMs);
    }

    void everyRoleHasItsPage()
    {
        for (Role role : Roles::all()) {
            GuideDialog guide(role);
            QVERIFY(!guide.browser()->document()->toPlainText().trimmed().isEmpty());
            QVERIFY(guide.browser()->document()->toPlainText().contains(QStringLiteral("倾听台使用指南")));
        }
    }
};

QTEST_MAIN(TestGuideGui)
#include "tst_guide_gui.moc"
