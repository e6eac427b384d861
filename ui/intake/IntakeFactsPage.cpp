#include "intake/IntakeFactsPage.h"

#include "ui_IntakeFactsPage.h"

#include "cases/ReferenceCombo.h"
#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeWizard.h"
#include "risk/RiskPanel.h"

#include <QEvent>

IntakeFactsPage::IntakeFactsPage(IntakeWizard* wizard)
    : IntakePageBase(wizard, IntakePage::Facts)
    , m_ui(std::make_unique<Ui::IntakeFactsPage>())
{
    m_ui->setupUi(this);
    m_risk = new RiskPanel(this);
    m_ui->vboxLayout1->addWidget(m_risk);
    connect(wizard, &IntakeWizard::riskChanged, m_risk, &RiskPanel::showResult);
    clearProblems();
    fillChoices();
    // Read aloud to the citizen: larger than the fields.
    QFont big = m_ui->factsRestatementTextEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_ui->factsRestatementTextEdit->setFont(big);

    addField(QStringLiteral("facts.what"), m_ui->whatTextEdit);
    addField(QStringLiteral("facts.when"), m_ui->whenLineEdit);
    addField(QStringLiteral("facts.where"), m_ui->whereLineEdit);
    addField(QStringLiteral("serviceItemId"), m_ui->factsServiceItemComboBox);
    addField(QStringLiteral("facts.involved"), m_ui->involvedLineEdit);
    addField(QStringLiteral("facts.involvedWindowId"), m_ui->involvedWindowComboBox);
    addField(QStringLiteral("factsConfirmedAt"), m_ui->factsAgreedButton);
    addField(QStringLiteral("facts"), m_ui->factsAgreedButton);

    for (QWidget* input : std::initializer_list<QWidget*>{m_ui->whatTextEdit, m_ui->whenLineEdit, m_ui->whereLineEdit,
                                                          m_ui->factsServiceItemComboBox, m_ui->involvedLineEdit,
                                                          m_ui->involvedWindowComboBox}) {
        watch(input);
    }
    connect(m_ui->whatTextEdit, &QPlainTextEdit::textChanged, this, &IntakeFactsPage::factsChanged);
    connect(m_ui->whenLineEdit, &QLineEdit::textChanged, this, &IntakeFactsPage::factsChanged);
    connect(m_ui->whereLineEdit, &QLineEdit::textChanged, this, &IntakeFactsPage::factsChanged);
    connect(m_ui->involvedLineEdit, &QLineEdit::textChanged, this, &IntakeFactsPage::factsChanged);
    connect(m_ui->involvedWindowComboBox, &QComboBox::currentIndexChanged, this, &IntakeFactsPage::factsChanged);
    connect(m_ui->factsServiceItemComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->listenPage()->setServiceItem(ReferenceCombo::selectedId(m_ui->factsServiceItemComboBox));
        factsChanged();
    });
    connect(wizard->listenPage(), &IntakeListenPage::serviceItemChanged, this, [this](qint64 id) {
        if (ReferenceCombo::selectedId(m_ui->factsServiceItemComboBox) != id) {
            ReferenceCombo::select(m_ui->factsServiceItemComboBox, id);
        }
    });
    connect(m_ui->factsAgreedButton, &QPushButton::clicked, this, &IntakeFactsPage::agree);
    factsChanged();
}

IntakeFactsPage::~IntakeFactsPage() = default;

void IntakeFactsPage::fillChoices()
{
    const QString none = tr("Not specified");
    ReferenceCombo::fill(m_ui->factsServiceItemComboBox, *m_wizard->context().reference, ReferenceKind::ServiceItem,
                         none);
    ReferenceCombo::fill(m_ui->involvedWindowComboBox, *m_wizard->context().reference, ReferenceKind::Window, none);
}

void IntakeFactsPage::initializePage()
{
    IntakeDraft d;
    m_wizard->listenPage()->writeTo(d);
    m_loading = true;
    ReferenceCombo::select(m_ui->factsServiceItemComboBox, d.base.serviceItemId);
    if (ReferenceCombo::selectedId(m_ui->involvedWindowComboBox) == 0 && m_ui->involvedLineEdit->text().isEmpty()) {
        ReferenceCombo::select(m_ui->involvedWindowComboBox, d.base.windowId);
    }
    if (m_ui->whatTextEdit->toPlainText().isEmpty()) {
        // The clerk starts from the citizen's words and shortens them.
        m_ui->whatTextEdit->setPlainText(d.base.complaintText.trimmed());
    }
    m_loading = false;
    factsChanged();
    focusSoon(m_ui->whatTextEdit);
}

QString IntakeFactsPage::restatement() const
{
    IntakeDraft d;
    writeTo(d);
    return d.base.facts;
}

void IntakeFactsPage::writeTo(IntakeDraft& d) const
{
    d.detail.facts.what = m_ui->whatTextEdit->toPlainText().trimmed();
    d.detail.facts.when = m_ui->whenLineEdit->text().trimmed();
    d.detail.facts.where = m_ui->whereLineEdit->text().trimmed();
    d.detail.facts.involved = m_ui->involvedLineEdit->text().trimmed();
    d.detail.facts.involvedWindowId = ReferenceCombo::selectedId(m_ui->involvedWindowComboBox);
    const qint64 item = ReferenceCombo::selectedId(m_ui->factsServiceItemComboBox);
    if (item != 0) {
        d.base.serviceItemId = item;
    }
    d.base.facts = IntakeService::restateFacts(d.detail.facts, m_wizard->serviceItemName(d.base.serviceItemId),
                                               m_wizard->windowName(d.detail.facts.involvedWindowId));
    d.confirmed.factsConfirmedAt = m_confirmedAt;
}

void IntakeFactsPage::readFrom(const IntakeDraft& d)
{
    m_loading = true;
    m_ui->whatTextEdit->setPlainText(d.detail.facts.what);
    m_ui->whenLineEdit->setText(d.detail.facts.when);
    m_ui->whereLineEdit->setText(d.detail.facts.where);
    m_ui->involvedLineEdit->setText(d.detail.facts.involved);
    ReferenceCombo::select(m_ui->involvedWindowComboBox, d.detail.facts.involvedWindowId);
    ReferenceCombo::select(m_ui->factsServiceItemComboBox, d.base.serviceItemId);
    m_loading = false;
    m_confirmedAt = {};
    factsChanged();
    m_confirmedAt = d.confirmed.factsConfirmedAt;
    m_confirmedText = restatement();
    showAgreement();
}

void IntakeFactsPage::factsChanged()
{
    if (m_loading) {
        return;
    }
    const QString text = restatement();
    m_ui->factsRestatementTextEdit->setPlainText(text);
    if (m_confirmedAt.isValid() && text != m_confirmedText) {
        // The citizen agreed to other facts: ask again.
        m_confirmedAt = {};
        showAgreement();
        FormHelpers::showError(m_ui->factsAgreedButtonErrorLabel,
                               tr("The facts changed: read the restatement again and ask the citizen."));
    }
}

void IntakeFactsPage::agree()
{
    m_confirmedAt = m_wizard->context().clock->now();
    m_confirmedText = restatement();
    FormHelpers::clearError(m_ui->factsAgreedButtonErrorLabel);
    showAgreement();
    emit edited();
}

void IntakeFactsPage::showAgreement()
{
    showStamp(m_ui->factsAgreedLabel, m_confirmedAt, tr("Citizen agreed at %1"));
}

void IntakeFactsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        showAgreement();
    }
    IntakePageBase::changeEvent(event);
}
