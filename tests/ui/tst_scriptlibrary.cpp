#include "GuiTestSupport.h"
#include "admin/ScriptEditDialog.h"
#include "admin/ScriptLibraryWidget.h"
#include "admin/ScriptTableModel.h"
#include "repositories/AuditRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/ScriptRepository.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace GuiTest;

namespace {
/** With QINGTING_SCREENSHOT_DIR set, saves the widget as NAME.png there (for looking at the layout). */
void saveScreenshot(QWidget* widget, const char* name)
{
    const QString dir = qEnvironmentVariable("QINGTING_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QLatin1String(".png"));
    }
}
} // namespace

/**
 * The Response scripts page: an administrator adds a script by key presses alone (refused first for an unknown
 * placeholder, with the live preview and its warning), then retires it; the database holds what the page shows.
 */
class TestScriptLibrary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelShowsScripts();
    void adminAddsAndRetiresAScript();

private:
    /** Presses Down in the combo until its text is `text`; false if it never is. */
    static bool chooseByKeys(QComboBox* combo, const QString& text);
    std::optional<ScriptTemplate> stored(const QString& title);

    Desk m_desk;
};

void TestScriptLibrary::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

bool TestScriptLibrary::chooseByKeys(QComboBox* combo, const QString& text)
{
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i) {
        QTest::keyClick(combo, Qt::Key_Down);
    }
    return combo->currentText() == text;
}

std::optional<ScriptTemplate> TestScriptLibrary::stored(const QString& title)
{
    const auto all = m_desk.repos().scripts->list();
    if (all) {
        for (const ScriptTemplate& s : *all) {
            if (s.title == title) {
                return s;
            }
        }
    }
    return std::nullopt;
}

void TestScriptLibrary::modelShowsScripts()
{
    ScriptTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto all = m_desk.repos().scripts->list();
    QVERIFY(all.ok());
    const auto categories = m_desk.repos().reference->list(ReferenceKind::Category);
    QVERIFY(categories.ok());
    model.setCategoryNames(ScriptTableModel::categoryNames(*categories));
    model.setItems(*all);
    QCOMPARE(model.rowCount(), int(all->size()));
    QCOMPARE(model.columnCount(), ScriptTableModel::kColumnCount);
    for (int row = 0; row < model.rowCount(); ++row) {
        const ScriptTemplate& s = all->at(row);
        const auto cell = [&](ScriptTableModel::Column c, int role = Qt::DisplayRole) {
            return model.index(row, int(c)).data(role);
        };
        QCOMPARE(cell(ScriptTableModel::Column::Title).toString(), s.title);
        QCOMPARE(cell(ScriptTableModel::Column::Step).toString(), IntakeCodes::label(s.step));
        QCOMPARE(cell(ScriptTableModel::Column::Category, ScriptTableModel::RawValueRole).toLongLong(), s.categoryId);
        QCOMPARE(cell(ScriptTableModel::Column::Text, ScriptTableModel::IdRole).toLongLong(), s.id);
        QVERIFY(!cell(ScriptTableModel::Column::Category).toString().isEmpty());
        if (s.categoryId != 0) {
            QVERIFY(categories->end() !=
                    std::find_if(categories->begin(), categories->end(), [&](const ReferenceItem& c) {
                        return c.name == cell(ScriptTableModel::Column::Category).toString();
                    }));
        }
    }
    model.retranslate();
    model.setItems({});
    QCOMPARE(model.rowCount(), 0);
}

void TestScriptLibrary::adminAddsAndRetiresAScript()
{
    const auto session = m_desk.addUser(QStringLiteral("admin"), Role::Admin, QStringLiteral("王主任"),
                                        QStringLiteral("Admin-pass-2025"));
    QVERIFY(session);
    const auto window = m_desk.showWindow(*session);
    QVERIFY(window);
    QVERIFY(window->hasPage(MainWindow::Page::Scripts));
    QVERIFY(openPage(*window, MainWindow::Page::Scripts));
    auto* page = window->findChild<ScriptLibraryWidget*>(QStringLiteral("scriptLibraryWidget"));
    QVERIFY(page);
    const auto seeded = m_desk.repos().scripts->list();
    QVERIFY(seeded.ok());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(seeded->size()), kTimeoutMs);

    // Filtering by step and category narrows the list to exactly those scripts.
    auto* stepFilter = child<QComboBox>(page, "stepFilterComboBox");
    auto* categoryFilter = child<QComboBox>(page, "categoryFilterComboBox");
    QVERIFY(chooseByKeys(stepFilter, IntakeCodes::label(ScriptStep::PublicReply)));
    QVERIFY(chooseByKeys(categoryFilter, QStringLiteral("收费")));
    QVERIFY(page->model()->rowCount() >= 1);
    for (const ScriptTemplate& s : page->model()->items()) {
        QCOMPARE(s.step, ScriptStep::PublicReply);
        QCOMPARE(page->model()->categoryName(s.categoryId), QStringLiteral("收费"));
    }
    QVERIFY(chooseByKeys(stepFilter, IntakeCodes::label(ScriptStep::Steps)));

    // Add: the dialog starts at the filtered step and category; everything is chosen and typed by keys.
    QTest::keyClick(child<QPushButton>(page, "addScriptButton"), Qt::Key_Space);
    QPointer<ScriptEditDialog> dialog;
    QVERIFY(QTest::qWaitFor([&] { return (dialog = findWindow<ScriptEditDialog>()) != nullptr; }, kTimeoutMs));
    auto* step = child<QComboBox>(dialog, "stepComboBox");
    auto* category = child<QComboBox>(dialog, "categoryComboBox");
    QCOMPARE(step->currentText(), IntakeCodes::label(ScriptStep::Steps));
    QCOMPARE(category->currentText(), QStringLiteral("收费"));
    QVERIFY(chooseByKeys(child<QComboBox>(dialog, "emotionComboBox"), IntakeCodes::label(EmotionLevel::Angry)));
    const QString title = QStringLiteral("收费：愤怒时限时核对");
    typeText(child<QLineEdit>(dialog, "titleLineEdit"), title);
    auto* body = child<QPlainTextEdit>(dialog, "bodyPlainTextEdit");
    typeText(body, QStringLiteral("{称呼}，这笔费用由{经办人}核对。"));

    // The preview fills the sample values live and warns about the placeholder it cannot fill.
    auto* preview = child<QLabel>(dialog, "previewLabel");
    auto* warning = child<QLabel>(dialog, "unknownPlaceholderLabel");
    const QString sampleName = ScriptEditDialog::sampleValues().value(QStringLiteral("称呼"));
    QCOMPARE(preview->text(), sampleName + QStringLiteral("，这笔费用由【{经办人}】核对。"));
    QVERIFY(warning->isVisibleTo(dialog));
    QVERIFY(warning->text().contains(QStringLiteral("{经办人}")));

    // Saving is refused with the name of the unknown placeholder; nothing is stored.
    auto* save = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
    QTest::keyClick(save, Qt::Key_Space);
    auto* error = child<QLabel>(dialog, "errorLabel");
    QVERIFY(error->isVisibleTo(dialog));
    QVERIFY2(error->text().contains(QStringLiteral("{经办人}")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!stored(title));

    // Retyped with a known placeholder, the second one inserted from the list by keys.
    QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
    typeText(body, QStringLiteral("{称呼}，这笔费用由{部门}逐项核对，在"));
    QVERIFY(!error->isVisibleTo(dialog));
    QVERIFY(!warning->isVisibleTo(dialog));
    QVERIFY(chooseByKeys(child<QComboBox>(dialog, "placeholderComboBox"), QStringLiteral("{承诺时间}")));
    QTest::keyClick(child<QPushButton>(dialog, "insertPlaceholderButton"), Qt::Key_Space);
    QCOMPARE(dialog->focusWidget(), static_cast<QWidget*>(body));
    typeText(body, QStringLiteral("前答复您。"));
    QCOMPARE(body->toPlainText(), QStringLiteral("{称呼}，这笔费用由{部门}逐项核对，在{承诺时间}前答复您。"));
    QVERIFY(preview->text().startsWith(sampleName));
    QVERIFY(!preview->text().contains(QStringLiteral("【")));
    saveScreenshot(dialog, "script-edit-dialog");
    QTest::keyClick(save, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);

    // Stored as shown, audited, and selected in the list.
    const auto added = stored(title);
    QVERIFY(added);
    QCOMPARE(added->step, ScriptStep::Steps);
    QCOMPARE(added->emotion, std::optional<EmotionLevel>(EmotionLevel::Angry));
    QCOMPARE(page->model()->categoryName(added->categoryId), QStringLiteral("收费"));
    QCOMPARE(added->createdBy, QStringLiteral("admin"));
    QVERIFY(added->active);
    const auto audit = m_desk.repos().audit->latest(1);
    QVERIFY(audit.ok());
    QCOMPARE(audit->first().action, QStringLiteral("script.add"));
    QCOMPARE(audit->first().entityId, added->id);
    auto* table = child<QTableView>(page, "scriptTableView");
    QTRY_VERIFY_WITH_TIMEOUT(table->currentIndex().isValid() &&
                                 table->currentIndex().data(ScriptTableModel::IdRole).toLongLong() == added->id,
                             kTimeoutMs);
    QVERIFY(child<QLabel>(page, "messageLabel")->text().contains(title));
    saveScreenshot(window.get(), "script-library");

    // Retired by keys: it leaves the list (retired scripts are hidden) and is kept, inactive, in the database.
    const int before = page->model()->rowCount();
    QTest::keyClick(child<QPushButton>(page, "toggleActiveButton"), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), before - 1, kTimeoutMs);
    QVERIFY(!stored(title)->active);
    QCOMPARE(m_desk.repos().audit->latest(1)->first().action, QStringLiteral("script.retire"));
    QTest::keyClick(child<QCheckBox>(page, "showRetiredCheckBox"), Qt::Key_Space);
    QCOMPARE(page->model()->rowCount(), before);
}

QTEST_MAIN(TestScriptLibrary)
#include "tst_scriptlibrary.moc"
