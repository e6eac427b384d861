#include "intake/IntakeImpactPage.h"

#include "ui_IntakeImpactPage.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "intake/IntakeJobs.h"
#include "intake/IntakeWizard.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>

namespace {
template <typename E> void fillCodes(QComboBox* combo, const QList<E>& values, const QString& none)
{
    const int current = combo->currentIndex();
    combo->clear();
    combo->addItem(none, -1);
    for (E value : values) {
        combo->addItem(IntakeCodes::label(value), static_cast<int>(value));
    }
    combo->setCurrentIndex(qMax(0, current));
}

template <typename E> std::optional<E> chosen(const QComboBox* combo)
{
    const int value = combo->currentData().toInt();
    return value < 0 ? std::nullopt : std::optional<E>(static_cast<E>(value));
}

template <typename E> void choose(QComboBox* combo, const std::optional<E>& value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(value ? static_cast<int>(*value) : -1)));
}
} // namespace

IntakeImpactPage::IntakeImpactPage(IntakeWizard* wizard)
    : IntakePageBase(wizard, IntakePage::Impact)
    , m_ui(std::make_unique<Ui::IntakeImpactPage>())
{
    m_ui->setupUi(this);
    clearProblems();
    fillChoices();
    // Read aloud to the citizen: larger than the fields.
    QFont big = m_ui->impactRestatementTextEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_ui->impactRestatementTextEdit->setFont(big);

    addField(QStringLiteral("impact.affected"), m_ui->affectedLineEdit);
    addField(QStringLiteral("impact.severity"), m_ui->severityComboBox);
    addField(QStringLiteral("impact.scope"), m_ui->scopeComboBox);
    addField(QStringLiteral("impact.recurrence"), m_ui->recurrenceComboBox);
    addField(QStringLiteral("impact.demand"), m_ui->demandTextEdit);
    addField(QStringLiteral("impact.reasonableness"), m_ui->reasonablenessComboBox);
    addField(QStringLiteral("impact.responsibility"), m_ui->responsibilityComboBox);
    addField(QStringLiteral("impactConfirmedAt"), m_ui->impactAgreedButton);
    addField(QStringLiteral("impact"), m_ui->impactAgreedButton);

    for (QWidget* input : std::initializer_list<QWidget*>{
             m_ui->affectedLineEdit, m_ui->severityComboBox, m_ui->scopeComboBox, m_ui->recurrenceComboBox,
             m_ui->demandTextEdit, m_ui->reasonablenessComboBox, m_ui->responsibilityComboBox}) {
        watch(input);
    }
    connect(this, &IntakePageBase::edited, this, &IntakeImpactPage::impactChanged);
    connect(m_ui->impactAgreedButton, &QPushButton::clicked, this, &IntakeImpactPage::agree);
    impactChanged();
}

IntakeImpactPage::~IntakeImpactPage() = default;

void IntakeImpactPage::fillChoices()
{
    const QString none = tr("Choose…");
    fillCodes(m_ui->severityComboBox, IntakeCodes::severities(), none);
    fillCodes(m_ui->scopeComboBox, IntakeCodes::scopes(), none);
    fillCodes(m_ui->recurrenceComboBox, IntakeCodes::recurrences(), none);
    fillCodes(m_ui->reasonablenessComboBox, IntakeCodes::reasonablenessLevels(), none);
    fillCodes(m_ui->responsibilityComboBox, IntakeCodes::responsibilities(), none);
}

void IntakeImpactPage::initializePage()
{
    loadHistory();
    focusSoon(m_ui->affectedLineEdit);
}

void IntakeImpactPage::writeTo(IntakeDraft& d) const
{
    d.detail.impact.affected = m_ui->affectedLineEdit->text().trimmed();
    d.detail.impact.severity = chosen<Severity>(m_ui->severityComboBox);
    d.detail.impact.scope = chosen<ImpactScope>(m_ui->scopeComboBox);
    d.detail.impact.recurrence = chosen<Recurrence>(m_ui->recurrenceComboBox);
    d.detail.impact.demand = m_ui->demandTextEdit->toPlainText().trimmed();
    d.detail.impact.reasonableness = chosen<Reasonableness>(m_ui->reasonablenessComboBox);
    d.detail.impact.responsibility = chosen<Responsibility>(m_ui->responsibilityComboBox);
    d.base.impact = IntakeService::restateImpact(d.detail.impact);
    d.confirmed.impactConfirmedAt = m_confirmedAt;
}

void IntakeImpactPage::readFrom(const IntakeDraft& d)
{
    m_loading = true;
    m_ui->affectedLineEdit->setText(d.detail.impact.affected);
    choose(m_ui->severityComboBox, d.detail.impact.severity);
    choose(m_ui->scopeComboBox, d.detail.impact.scope);
    choose(m_ui->recurrenceComboBox, d.detail.impact.recurrence);
    m_ui->demandTextEdit->setPlainText(d.detail.impact.demand);
    choose(m_ui->reasonablenessComboBox, d.detail.impact.reasonableness);
    choose(m_ui->responsibilityComboBox, d.detail.impact.responsibility);
    m_loading = false;
    m_confirmedAt = {};
    impactChanged();
    m_confirmedAt = d.confirmed.impactConfirmedAt;
    m_confirmedText = m_ui->impactRestatementTextEdit->toPlainText();
    showAgreement();
}

void IntakeImpactPage::impactChanged()
{
    if (m_loading) {
        return;
    }
    IntakeDraft d;
    writeTo(d);
    m_ui->impactRestatementTextEdit->setPlainText(d.base.impact);
    if (m_confirmedAt.isValid() && !m_agreeing && d.base.impact != m_confirmedText) {
        m_confirmedAt = {};
        showAgreement();
        FormHelpers::showError(m_ui->impactAgreedButtonErrorLabel,
                               tr("The impact changed: read it again and ask the citizen."));
    }
}

void IntakeImpactPage::agree()
{
    m_confirmedAt = m_wizard->context().clock->now();
    m_confirmedText = m_ui->impactRestatementTextEdit->toPlainText();
    FormHelpers::clearError(m_ui->impactAgreedButtonErrorLabel);
    showAgreement();
    m_agreeing = true; // the stamp is news for the draft, not a change of the impact
    emit edited();
    m_agreeing = false;
}

void IntakeImpactPage::showAgreement()
{
    showStamp(m_ui->impactAgreedLabel, m_confirmedAt, tr("Citizen agreed at %1"));
}

void IntakeImpactPage::loadHistory()
{
    const IntakeDraft d = m_wizard->draft();
    const IntakeContext& context = m_wizard->context();

    m_ui->citizenCasesListWidget->clear();
    if (d.citizenId == 0) {
        m_citizenRequest.invalidate();
        m_loadingCitizen = false;
        m_ui->citizenCasesStatusLabel->setText(d.base.citizen.isEmpty()
                                                   ? tr("Anonymous complaint: no earlier cases to show.")
                                                   : tr("A new citizen: no earlier cases."));
    } else {
        m_loadingCitizen = true;
        m_ui->citizenCasesStatusLabel->setText(tr("Loading the citizen's cases…"));
        context.worker->runLatest(this, m_citizenRequest, IntakeJobs::citizenCases(context.session, d.citizenId),
                                  [this](const Result<QList<Case>>& cases) {
                                      m_loadingCitizen = false;
                                      showCases(m_ui->citizenCasesListWidget, m_ui->citizenCasesStatusLabel, cases,
                                                tr("No earlier cases of this citizen."));
                                  });
    }

    m_ui->similarCasesListWidget->clear();
    if (d.base.serviceItemId == 0 || d.base.categoryId == 0) {
        m_similarRequest.invalidate();
        m_loadingSimilar = false;
        m_ui->similarCasesStatusLabel->setText(
            tr("Choose the service item and the category on the first page to see similar cases."));
    } else {
        m_loadingSimilar = true;
        m_ui->similarCasesStatusLabel->setText(tr("Loading similar cases…"));
        context.worker->runLatest(this, m_similarRequest,
                                  IntakeJobs::similarCases(context.session, d.base.serviceItemId, d.base.categoryId),
                                  [this](const Result<QList<Case>>& cases) {
                                      m_loadingSimilar = false;
                                      showCases(m_ui->similarCasesListWidget, m_ui->similarCasesStatusLabel, cases,
                                                tr("No case of this service item and category in the last %n day(s).",
                                                   "", IntakeService::kSimilarCasesDays));
                                  });
    }
}

void IntakeImpactPage::showCases(QListWidget* list, QLabel* status, const Result<QList<Case>>& cases,
                                 const QString& emptyText)
{
    list->clear();
    if (!cases) {
        status->setText(cases.error().message);
        return;
    }
    for (const Case& c : *cases) {
        list->addItem(tr("%1 · %2 · %3 · %4")
                          .arg(c.caseNo, c.receivedAt.toString(QStringLiteral("yyyy-MM-dd")),
                               CaseStatuses::label(c.status), c.summary(40)));
    }
    status->setText(cases->isEmpty() ? emptyText : tr("%n case(s).", "", int(cases->size())));
}

void IntakeImpactPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        showAgreement();
    }
    IntakePageBase::changeEvent(event);
}
