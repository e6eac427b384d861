#include "audit/AuditLogWidget.h"

#include "ui_AuditLogWidget.h"

#include "audit/AuditFilterModel.h"
#include "audit/AuditTableModel.h"
#include "common/FormHelpers.h"
#include "services/AuditService.h"
#include "workers/DatabaseWorker.h"

#include <QHeaderView>

AuditLogWidget::AuditLogWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->verificationLabel->hide();
    m_model = new AuditTableModel(this);
    m_filter = new AuditFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_ui->auditTableView->setModel(m_filter);
    auto* header = m_ui->auditTableView->horizontalHeader();
    header->resizeSection(int(AuditTableModel::Column::Seq), 70);
    header->resizeSection(int(AuditTableModel::Column::Time), 150);
    header->resizeSection(int(AuditTableModel::Column::Actor), 110);
    header->resizeSection(int(AuditTableModel::Column::Action), 190);
    header->resizeSection(int(AuditTableModel::Column::Entity), 180);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AuditLogWidget::reload);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, &AuditLogWidget::verify);
    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text);
        updateCount();
    });
}

AuditLogWidget::~AuditLogWidget() = default;

void AuditLogWidget::showEvent(QShowEvent* event)
{
    // The log is read when the page is first shown, and again on Refresh.
    if (!m_loaded) {
        reload();
    }
    QWidget::showEvent(event);
}

void AuditLogWidget::reload()
{
    m_loaded = true;
    m_loading = true;
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->refreshButton->setEnabled(false);
    m_ui->auditTableView->viewport()->setCursor(Qt::BusyCursor);
    updateCount();
    m_worker.runLatest(
        this, m_loadRequest,
        [session = m_session](const WorkerScope& scope) {
            AuditService audit(session, scope.repos);
            return audit.latest(kEntryLimit);
        },
        [this](const Result<QList<AuditEntry>>& entries) {
            m_loading = false;
            m_ui->refreshButton->setEnabled(true);
            m_ui->auditTableView->viewport()->unsetCursor();
            if (!entries) {
                m_model->setItems({});
                FormHelpers::showError(m_ui->errorLabel, entries.error().message);
            } else {
                m_model->setItems(*entries);
            }
            updateCount();
        });
}

void AuditLogWidget::updateCount()
{
    const int n = m_model->rowCount();
    if (m_loading) {
        m_ui->countLabel->setText(tr("Loading the audit log…"));
    } else if (n == 0) {
        m_ui->countLabel->setText(tr("The log is empty."));
    } else if (m_ui->filterLineEdit->text().isEmpty()) {
        m_ui->countLabel->setText(tr("The latest %n entry(s), newest first.", "", n));
    } else {
        m_ui->countLabel->setText(
            tr("%1 of the latest %n entry(s) match the filter.", "", n).arg(m_filter->rowCount()));
    }
}

void AuditLogWidget::verify()
{
    if (m_verifying) {
        return;
    }
    m_verifying = true;
    m_ui->verifyButton->setEnabled(false);
    m_ui->verificationLabel->setStyleSheet(QString());
    m_ui->verificationLabel->setText(tr("Checking the chain…"));
    m_ui->verificationLabel->show();
    m_worker.run(
        this,
        [session = m_session](const WorkerScope& scope) {
            AuditService audit(session, scope.repos);
            return audit.verify();
        },
        [this](const Result<AuditVerification>& result) {
            m_verifying = false;
            m_ui->verifyButton->setEnabled(true);
            showVerification(result);
        });
}

void AuditLogWidget::showVerification(const Result<AuditVerification>& result)
{
    QString text;
    QString style;
    if (!result) {
        text = result.error().message;
        style = QStringLiteral("color: #b3261e;");
    } else if (result->ok && !result->keyedChecked) {
        text = tr("The chain's structure holds (%n entry(s)), but the seals were not checked with the audit key: %1",
                  "", int(result->entriesChecked))
                   .arg(result->keyNote);
        style = QStringLiteral("color: #8a5a00; font-weight: 600;");
    } else if (result->ok) {
        text = tr("The chain is intact: %n entry(s) checked.", "", int(result->entriesChecked));
        style = QStringLiteral("color: #1e6b34;");
    } else {
        text = tr("The chain is broken at entry %1: %2").arg(result->brokenSeq).arg(result->problem);
        style = QStringLiteral("color: #b3261e; font-weight: 600;");
    }
    m_ui->verificationLabel->setStyleSheet(style);
    m_ui->verificationLabel->setText(text);
    m_ui->verificationLabel->show();
}

void AuditLogWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_model->retranslate();
        updateCount();
    }
    QWidget::changeEvent(event);
}
