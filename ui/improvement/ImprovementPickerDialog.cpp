#include "improvement/ImprovementPickerDialog.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "improvement/ImprovementJobs.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

ImprovementPickerDialog::ImprovementPickerDialog(Session session, DatabaseWorker& worker, const Case& c,
                                                 QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(c)
{
    setObjectName(QStringLiteral("improvementPickerDialog"));
    setWindowTitle(tr("Add case %1 to an improvement action").arg(c.caseNo));
    resize(720, 420);
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Choose the open action that case %1 (%2 · %3) belongs to. The actions of the same "
                        "category and service item come first.")
                         .arg(c.caseNo, c.category.name.isEmpty() ? tr("no category") : c.category.name,
                              c.serviceItem.name.isEmpty() ? tr("no service item") : c.serviceItem.name));
    layout->addWidget(m_intro);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("actionsTreeWidget"));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels(
        {tr("Action"), tr("Category"), tr("Service item"), tr("Deadline"), tr("Status"), tr("Cases")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImprovementPickerDialog::add);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ImprovementPickerDialog::add);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { setBusy(m_busy); });

    setBusy(true);
    ImprovementFilter filter;
    filter.activeOnly = true;
    m_worker.run(this, ImprovementJobs::list(m_session, filter),
                 [this](const Result<QList<ImprovementAction>>& actions) {
                     setBusy(false);
                     if (!actions) {
                         FormHelpers::showError(m_error, actions.error().message);
                     } else {
                         fill(*actions);
                     }
                     emit settled();
                 });
}

ImprovementPickerDialog::~ImprovementPickerDialog() = default;

void ImprovementPickerDialog::fill(const QList<ImprovementAction>& actions)
{
    QList<ImprovementAction> sorted = actions;
    const auto matches = [this](const ImprovementAction& a) {
        return a.category.id == m_case.category.id && a.serviceItem.id == m_case.serviceItem.id;
    };
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const ImprovementAction& a, const ImprovementAction& b) { return matches(a) && !matches(b); });
    m_list->clear();
    for (const ImprovementAction& a : sorted) {
        auto* item = new QTreeWidgetItem(
            m_list, {a.title, a.category.name, a.serviceItem.name, a.deadline.toString(QStringLiteral("yyyy-MM-dd")),
                     ImprovementStatuses::label(a.status), QString::number(a.linkedCases)});
        item->setData(0, Qt::UserRole, a.id);
        item->setToolTip(0, a.title);
    }
    if (sorted.isEmpty()) {
        FormHelpers::showError(m_error, tr("There is no open action; use \"New improvement action…\" instead."));
    } else {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    for (int column = 1; column < m_list->columnCount(); ++column) {
        m_list->resizeColumnToContents(column);
    }
    setBusy(false);
}

qint64 ImprovementPickerDialog::chosenId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void ImprovementPickerDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && chosenId() != 0);
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void ImprovementPickerDialog::add()
{
    const qint64 id = chosenId();
    if (m_busy || id == 0) {
        return;
    }
    FormHelpers::clearError(m_error);
    setBusy(true);
    m_worker.run(this, ImprovementJobs::addCase(m_session, id, m_case.id),
                 [this](const Result<ImprovementAction>& action) {
                     setBusy(false);
                     if (!action) {
                         FormHelpers::showError(m_error, action.error().message);
                         emit settled();
                         return;
                     }
                     emit added(*action);
                     emit settled();
                     accept();
                 });
}
