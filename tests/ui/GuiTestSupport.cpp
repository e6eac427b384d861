#include "GuiTestSupport.h"

#include "Database.h"
#include "SqlDatabaseConnector.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "common/AppSettings.h"
#include "login/LoginDialog.h"
#include "services/AuthService.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"
#include "workers/DatabaseWorker.h"

#include <QLineEdit>
#include <QListWidget>
#include <QStyle>
#include <QTest>
#include <QTreeWidget>

namespace GuiTest {

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(widget, ch.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

void retype(QLineEdit* edit, const QString& text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Backspace);
        return;
    }
    typeText(edit, text);
}

namespace {
QtMessageHandler g_previousHandler = nullptr;

void dropSizeHintNote(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints"))) {
        return;
    }
    g_previousHandler(type, context, message);
}
} // namespace

IntakeDraftState completedIntake(IntakeDraftState state, ReferenceService& reference, const QDateTime& now)
{
    const auto firstId = [&reference](ReferenceKind kind) -> qint64 {
        const auto items = reference.list(kind);
        return items && !items->isEmpty() ? items->first().id : 0;
    };
    IntakeDraft& d = state.draft;
    const auto orFirst = [&](qint64& id, ReferenceKind kind) {
        if (id == 0) {
            id = firstId(kind);
        }
    };
    orFirst(d.base.windowId, ReferenceKind::Window);
    orFirst(d.base.serviceItemId, ReferenceKind::ServiceItem);
    orFirst(d.base.categoryId, ReferenceKind::Category);
    orFirst(d.base.departmentId, ReferenceKind::Department);
    const auto orText = [](QString& text, const QString& value) {
        if (text.trimmed().isEmpty()) {
            text = value;
        }
    };
    if (!d.base.receivedAt.isValid()) {
        d.base.receivedAt = now;
    }
    if (!d.detail.emotion) {
        d.detail.emotion = EmotionLevel::Dissatisfied;
    }
    orText(d.base.complaintText, QStringLiteral("窗口说材料不全，但没说缺什么"));
    orText(d.detail.facts.what, d.base.complaintText);
    orText(d.detail.facts.when, QStringLiteral("今天上午"));
    orText(d.detail.facts.where, QStringLiteral("综合窗口"));
    orText(d.detail.impact.affected, QStringLiteral("本人"));
    orText(d.detail.impact.demand, QStringLiteral("告诉我缺什么材料"));
    if (!d.detail.impact.severity) {
        d.detail.impact.severity = Severity::Moderate;
    }
    if (!d.detail.impact.scope) {
        d.detail.impact.scope = ImpactScope::Individual;
    }
    if (!d.detail.impact.recurrence) {
        d.detail.impact.recurrence = Recurrence::First;
    }
    if (!d.detail.impact.reasonableness) {
        d.detail.impact.reasonableness = Reasonableness::Reasonable;
    }
    if (!d.detail.impact.responsibility) {
        d.detail.impact.responsibility = Responsibility::OwnUnit;
    }
    if (d.detail.steps.remedies.isEmpty()) {
        d.detail.steps.remedies = {Remedy::Explanation};
    }
    orText(d.base.steps, QStringLiteral("今天下午电话告知所缺材料"));
    orText(d.detail.steps.replyText,
           QStringLiteral("感谢您告诉我们，给您添麻烦了。我们今天下午三点前电话告诉您所缺材料。"));
    if (!d.base.promisedAt.isValid()) {
        d.base.promisedAt = d.base.receivedAt.addSecs(24 * 3600);
    }
    for (QDateTime* stamp : {&d.confirmed.acknowledgedAt, &d.confirmed.factsConfirmedAt, &d.confirmed.impactConfirmedAt,
                             &d.confirmed.stepsExplainedAt}) {
        if (!stamp->isValid()) {
            *stamp = now;
        }
    }
    state.page = 4; // Review
    return state;
}

bool wrappedColumnReadable(QTreeWidget* tree, int column)
{
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const QRect viewport = tree->viewport()->rect();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QString text = tree->topLevelItem(i)->text(column);
        const QRect cell = tree->visualRect(tree->model()->index(i, column));
        const QRect needed =
            tree->fontMetrics().boundingRect(QRect(0, 0, cell.width() - 2 * margin, 10000), Qt::TextWordWrap, text);
        if (!viewport.contains(cell) || cell.height() < needed.height()) {
            qWarning() << "cell" << i << column << "in" << cell << "of" << viewport << "needs" << needed.size();
            return false;
        }
    }
    return tree->topLevelItemCount() > 0;
}

void quietOffscreenWarnings()
{
    if (!g_previousHandler) {
        g_previousHandler = qInstallMessageHandler(dropSizeHintNote);
    }
}

std::optional<Session> logIn(DatabaseWorker& worker, AppSettings& settings, const QString& login,
                             const QString& password)
{
    LoginDialog dialog(worker, settings);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog)) {
        return std::nullopt;
    }
    retype(child<QLineEdit>(&dialog, "loginLineEdit"), login);
    auto* passwordEdit = child<QLineEdit>(&dialog, "passwordLineEdit");
    typeText(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return !dialog.isChecking(); }, kTimeoutMs) || dialog.result() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.session();
}

bool openPage(MainWindow& window, MainWindow::Page page)
{
    auto* navigation = child<QListWidget>(&window, "navigationListWidget");
    for (int row = 0; row < navigation->count(); ++row) {
        QListWidgetItem* item = navigation->item(row);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(page)) {
            navigation->scrollToItem(item);
            QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(item).center());
            return QTest::qWaitFor([&] { return window.currentPage() == page; }, kTimeoutMs);
        }
    }
    return false;
}

CaseViewWidget* openCaseView(MainWindow& window, qint64 caseId)
{
    if (!openPage(window, MainWindow::Page::Cases)) {
        return nullptr;
    }
    window.caseWorkspace()->openCase(caseId);
    CaseViewWidget* view = window.caseWorkspace()->viewOf(caseId);
    if (!view || !QTest::qWaitFor([&] { return !view->isBusy() && view->currentCase().id == caseId; }, kTimeoutMs)) {
        return nullptr;
    }
    return view;
}

Desk::Desk() = default;

Desk::~Desk() = default;

QString Desk::open()
{
    quietOffscreenWarnings();
    if (!m_dir.isValid()) {
        return m_dir.errorString();
    }
    auto opened = Database::open(location());
    if (!opened) {
        return opened.error().message;
    }
    m_db = std::move(opened).value();
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    // Intake drafts stay in the desk's folder, never in the user's data folder.
    m_settings->setValue(AppSettings::Key::DraftFolder, m_dir.filePath(QStringLiteral("drafts")));
    return QString();
}

Repositories Desk::repos() const
{
    return m_db->repositories();
}

DatabaseLocation Desk::location() const
{
    return DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("desk.sqlite")));
}

DatabaseWorker& Desk::worker()
{
    if (!m_worker) {
        m_worker =
            std::make_unique<DatabaseWorker>(std::make_shared<SqlDatabaseConnector>(location()), m_clock, m_hasher);
    }
    return *m_worker;
}

std::optional<Session> Desk::addUser(const QString& login, Role role, const QString& displayName,
                                     const QString& password)
{
    UserService users(Session::commandLine(), repos(), m_clock, m_hasher);
    const auto added = users.add(login, role, displayName, password);
    if (!added) {
        qWarning("%s", qPrintable(added.error().message));
        return std::nullopt;
    }
    return Session::forUser(added->id, added->login, added->displayName, added->role);
}

std::optional<Session> Desk::logIn(const QString& login, const QString& password)
{
    return GuiTest::logIn(worker(), *m_settings, login, password);
}

std::unique_ptr<MainWindow> Desk::showWindow(const Session& session)
{
    auto window = std::make_unique<MainWindow>(session, repos(), m_clock, m_hasher, *m_settings, worker());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    return window;
}

} // namespace GuiTest
