#include "cases/NewCaseDialog.h"

#include "ui_NewCaseDialog.h"

#include "cases/ReferenceCombo.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>
#include <QShortcut>

NewCaseDialog::NewCaseDialog(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewCaseDialog>())
    , m_cases(cases)
    , m_reference(reference)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumSize(560, 600);
    fillChoices();
    retranslate();

    auto* submit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(submit, &QShortcut::activated, this, &NewCaseDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NewCaseDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &NewCaseDialog::reject);
    m_ui->complaintTextEdit->setFocus();
}

NewCaseDialog::~NewCaseDialog() = default;

void NewCaseDialog::fillChoices()
{
    const int channelIndex = m_ui->channelComboBox->currentIndex();
    m_ui->channelComboBox->clear();
    for (Channel channel : Channels::all()) {
        m_ui->channelComboBox->addItem(Channels::label(channel), static_cast<int>(channel));
    }
    m_ui->channelComboBox->setCurrentIndex(qMax(0, channelIndex));

    const QString none = tr("Not specified");
    QStringList problems;
    const struct
    {
        QComboBox* combo;
        ReferenceKind kind;
    } combos[] = {
        {m_ui->windowComboBox, ReferenceKind::Window},
        {m_ui->serviceItemComboBox, ReferenceKind::ServiceItem},
        {m_ui->categoryComboBox, ReferenceKind::Category},
        {m_ui->departmentComboBox, ReferenceKind::Department},
    };
    for (const auto& c : combos) {
        if (const auto filled = ReferenceCombo::fill(c.combo, m_reference, c.kind, none); !filled) {
            problems << filled.error().message;
        }
    }
    problems.removeDuplicates();
    FormHelpers::showError(m_ui->errorLabel, problems.join(QLatin1Char('\n')));
}

void NewCaseDialog::retranslate()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Record case"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setToolTip(tr("Record the case (Ctrl+Enter)"));
}

CaseDraft NewCaseDialog::draft() const
{
    CaseDraft d;
    d.channel = static_cast<Channel>(m_ui->channelComboBox->currentData().toInt());
    d.windowId = ReferenceCombo::selectedId(m_ui->windowComboBox);
    d.serviceItemId = ReferenceCombo::selectedId(m_ui->serviceItemComboBox);
    d.categoryId = ReferenceCombo::selectedId(m_ui->categoryComboBox);
    d.departmentId = ReferenceCombo::selectedId(m_ui->departmentComboBox);
    if (m_ui->waitedMinutesSpinBox->value() >= 0) {
        d.waitedMinutes = m_ui->waitedMinutesSpinBox->value();
    }
    d.complaintText = m_ui->complaintTextEdit->toPlainText();
    d.citizen.name = m_ui->citizenNameLineEdit->text().trimmed();
    d.citizen.phone = m_ui->citizenPhoneLineEdit->text().trimmed();
    d.citizen.idNumber = m_ui->citizenIdNumberLineEdit->text().trimmed();
    d.citizen.address = m_ui->citizenAddressLineEdit->text().trimmed();
    return d;
}

void NewCaseDialog::accept()
{
    const CaseDraft d = draft();
    if (d.complaintText.trimmed().isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Record the complaint in the citizen's own words."));
        m_ui->complaintTextEdit->setFocus();
        return;
    }
    if (m_busy->isBusy()) {
        return; // the first submit is still being saved
    }
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_cases.session(), d](const WorkerScope& scope) {
            CaseService cases(session, scope.repos, scope.clock);
            return cases.create(d);
        },
        [this](const Case& created) {
            m_created = created;
            QDialog::accept();
        });
}

void NewCaseDialog::reject()
{
    if (m_busy->isBusy()) {
        return; // the case may be stored already: wait for the answer instead of losing it
    }
    QDialog::reject();
}

bool NewCaseDialog::isSaving() const
{
    return m_busy->isBusy();
}

void NewCaseDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        retranslate();
    }
    QDialog::changeEvent(event);
}
