#include "dashboard/CasesBehindDialog.h"

#include "common/FormHelpers.h"
#include "workers/DatabaseWorker.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    CaseNo,
    Received,
    Status,
    Category,
    Summary,
    ColumnCount
};
} // namespace

CasesBehindDialog::CasesBehindDialog(const DashboardJobs& jobs, DatabaseWorker& worker,
                                     const Dashboard::Selection& selection, const QString& description, QWidget* parent)
    : QDialog(parent)
    , m_selection(selection)
{
    setObjectName(QStringLiteral("casesBehindDialog"));
    setWindowTitle(tr("Cases: %1").arg(description));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Loading the cases…"), this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(8);
    m_busy->setTextVisible(false);
    layout->addWidget(m_busy);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("casesTable"));
    m_table->setHorizontalHeaderLabels({tr("Case no."), tr("Received"), tr("Status"), tr("Category"), tr("Summary")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_table, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.row() < m_cases.size()) {
            emit openCaseRequested(m_cases.at(index.row()).id);
        }
    });
    resize(820, 480);

    worker.run(
        this,
        [jobs, selection](const WorkerScope& scope) -> Result<Loaded> {
            auto ids = jobs.casesBehind(scope, selection);
            if (!ids) {
                return ids.error();
            }
            Loaded loaded;
            loaded.total = ids->size();
            auto cases = jobs.readCases(scope, ids->mid(0, kMaxListed));
            if (!cases) {
                return cases.error();
            }
            loaded.cases = std::move(cases).value();
            return loaded;
        },
        [this](const Result<Loaded>& loaded) { showLoaded(loaded); });
}

void CasesBehindDialog::showLoaded(const Result<Loaded>& loaded)
{
    m_loading = false;
    m_busy->hide();
    if (!loaded) {
        m_status->setText(loaded.error().message);
        return;
    }
    m_cases = loaded->cases;
    const QLocale locale;
    if (loaded->total == 0) {
        m_status->setText(tr("No cases."));
    } else if (loaded->total > m_cases.size()) {
        m_status->setText(tr("The newest %1 of %2 cases. Double-click a case to open it.")
                              .arg(locale.toString(m_cases.size()), locale.toString(loaded->total)));
    } else {
        m_status->setText(tr("%n case(s). Double-click a case to open it.", nullptr, int(m_cases.size())));
    }
    m_table->setRowCount(int(m_cases.size()));
    for (int row = 0; row < m_cases.size(); ++row) {
        const Case& c = m_cases.at(row);
        const QStringList cells = {c.caseNo, FormHelpers::dateTime(c.receivedAt), CaseStatuses::label(c.status),
                                   FormHelpers::refName(c.category), c.summary()};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == Summary) {
                item->setToolTip(c.complaintText);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!m_cases.isEmpty()) {
        m_table->selectRow(0);
        m_table->setFocus();
    }
}
