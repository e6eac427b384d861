#include "intake/IntakeListenPage.h"

#include "ui_IntakeListenPage.h"

#include "cases/ReferenceCombo.h"
#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "intake/IntakeJobs.h"
#include "intake/IntakeLibrary.h"
#include "intake/IntakeWizard.h"
#include "risk/RiskPanel.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QKeyEvent>

IntakeListenPage::IntakeListenPage(IntakeWizard* wizard)
    : IntakePageBase(wizard, IntakePage::Listen)
    , m_ui(std::make_unique<Ui::IntakeListenPage>())
{
    m_ui->setupUi(this);
    m_risk = new RiskPanel(this);
    m_ui->vboxLayout2->addWidget(m_risk);
    connect(wizard, &IntakeWizard::riskChanged, m_risk, &RiskPanel::showResult);
    clearProblems();
    fillChoices();
    m_ui->acknowledgeTextBrowser->setOpenLinks(false);
    QFont big = m_ui->acknowledgeTextBrowser->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    m_ui->acknowledgeTextBrowser->setFont(big);
    m_ui->foundCitizenComboBox->setEnabled(false);

    addField(QStringLiteral("complaintText"), m_ui->complaintTextEdit);
    addField(QStringLiteral("emotion"), m_ui->emotionComboBox);
    addField(QStringLiteral("acknowledgedAt"), m_ui->acknowledgedButton);
    addField(QStringLiteral("channel"), m_ui->channelComboBox);
    addField(QStringLiteral("windowId"), m_ui->windowComboBox);
    addField(QStringLiteral("serviceItemId"), m_ui->serviceItemComboBox);
    addField(QStringLiteral("categoryId"), m_ui->categoryComboBox);
    addField(QStringLiteral("waitedMinutes"), m_ui->waitedMinutesSpinBox);
    addField(QStringLiteral("queueTicket"), m_ui->queueTicketLineEdit);
    addField(QStringLiteral("citizenId"), m_ui->foundCitizenComboBox);
    addField(QStringLiteral("citizen.name"), m_ui->citizenNameLineEdit);
    addField(QStringLiteral("citizen.phone"), m_ui->citizenPhoneLineEdit);
    addField(QStringLiteral("citizen.idNumber"), m_ui->citizenIdNumberLineEdit);
    addField(QStringLiteral("citizen.address"), m_ui->citizenAddressLineEdit);
    addField(QStringLiteral("citizen"), m_ui->citizenNameLineEdit);

    for (QWidget* input : std::initializer_list<QWidget*>{
             m_ui->complaintTextEdit, m_ui->emotionComboBox, m_ui->channelComboBox, m_ui->windowComboBox,
             m_ui->serviceItemComboBox, m_ui->categoryComboBox, m_ui->waitedMinutesSpinBox, m_ui->queueTicketLineEdit,
             m_ui->anonymousCheckBox, m_ui->citizenNameLineEdit, m_ui->citizenPhoneLineEdit,
             m_ui->citizenIdNumberLineEdit, m_ui->citizenAddressLineEdit}) {
        watch(input);
    }

    connect(m_ui->emotionComboBox, &QComboBox::currentIndexChanged, this, &IntakeListenPage::loadAcknowledgement);
    connect(m_ui->categoryComboBox, &QComboBox::currentIndexChanged, this, &IntakeListenPage::loadAcknowledgement);
    connect(m_ui->serviceItemComboBox, &QComboBox::currentIndexChanged, this,
            [this] { emit serviceItemChanged(ReferenceCombo::selectedId(m_ui->serviceItemComboBox)); });
    connect(m_ui->acknowledgedButton, &QPushButton::clicked, this, &IntakeListenPage::acknowledge);
    connect(m_ui->findCitizenButton, &QPushButton::clicked, this, &IntakeListenPage::findCitizen);
    connect(m_ui->foundCitizenComboBox, &QComboBox::activated, this, &IntakeListenPage::useFoundCitizen);
    connect(m_ui->anonymousCheckBox, &QCheckBox::toggled, this, &IntakeListenPage::updateCitizenState);
    // Return in the look-up field looks up (and does not leave the page).
    m_ui->citizenLookupLineEdit->installEventFilter(this);
    updateCitizenState();
}

IntakeListenPage::~IntakeListenPage() = default;

void IntakeListenPage::fillChoices()
{
    const int channel = m_ui->channelComboBox->currentIndex();
    m_ui->channelComboBox->clear();
    for (Channel c : Channels::all()) {
        if (c != Channel::StaffReport) { // staff reports have their own form
            m_ui->channelComboBox->addItem(Channels::label(c), static_cast<int>(c));
        }
    }
    m_ui->channelComboBox->setCurrentIndex(qMax(0, channel));

    const int emotion = m_ui->emotionComboBox->currentIndex();
    m_ui->emotionComboBox->clear();
    m_ui->emotionComboBox->addItem(tr("Choose…"), -1);
    for (EmotionLevel level : IntakeCodes::emotionLevels()) {
        m_ui->emotionComboBox->addItem(IntakeCodes::label(level), static_cast<int>(level));
    }
    m_ui->emotionComboBox->setCurrentIndex(qMax(0, emotion));

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
    };
    for (const auto& c : combos) {
        if (const auto filled = ReferenceCombo::fill(c.combo, *m_wizard->context().reference, c.kind, none); !filled) {
            problems << filled.error().message;
        }
    }
    problems.removeDuplicates();
    FormHelpers::showError(m_ui->complaintTextEditErrorLabel, problems.join(QLatin1Char('\n')));
}

void IntakeListenPage::initializePage()
{
    focusSoon(m_ui->complaintTextEdit);
    if (m_ui->acknowledgeTextBrowser->toPlainText().isEmpty()) {
        loadAcknowledgement();
    }
}

bool IntakeListenPage::isAnonymous() const
{
    return m_ui->anonymousCheckBox->isChecked();
}

void IntakeListenPage::setAnonymous(bool anonymous)
{
    m_ui->anonymousCheckBox->setChecked(anonymous);
}

QString IntakeListenPage::citizenName() const
{
    return isAnonymous() ? QString() : m_ui->citizenNameLineEdit->text();
}

void IntakeListenPage::setServiceItem(qint64 id)
{
    if (ReferenceCombo::selectedId(m_ui->serviceItemComboBox) != id) {
        ReferenceCombo::select(m_ui->serviceItemComboBox, id);
    }
}

void IntakeListenPage::writeTo(IntakeDraft& d) const
{
    d.base.channel = static_cast<Channel>(m_ui->channelComboBox->currentData().toInt());
    d.base.windowId = ReferenceCombo::selectedId(m_ui->windowComboBox);
    d.base.serviceItemId = ReferenceCombo::selectedId(m_ui->serviceItemComboBox);
    d.base.categoryId = ReferenceCombo::selectedId(m_ui->categoryComboBox);
    if (m_ui->waitedMinutesSpinBox->value() >= 0) {
        d.base.waitedMinutes = m_ui->waitedMinutesSpinBox->value();
    }
    d.detail.queueTicket = m_ui->queueTicketLineEdit->text().trimmed();
    d.base.complaintText = m_ui->complaintTextEdit->toPlainText();
    const int emotion = m_ui->emotionComboBox->currentData().toInt();
    d.detail.emotion = emotion < 0 ? std::nullopt : std::optional<EmotionLevel>(static_cast<EmotionLevel>(emotion));
    d.confirmed.acknowledgedAt = m_acknowledgedAt;
    if (isAnonymous()) {
        d.citizenId = 0;
        d.base.citizen = {};
        return;
    }
    // A known citizen is saved by id; the fields still travel with the draft for the form of address and receipt.
    d.citizenId = m_citizenId;
    d.base.citizen.id = m_citizenId;
    d.base.citizen.name = m_ui->citizenNameLineEdit->text().trimmed();
    d.base.citizen.phone = m_ui->citizenPhoneLineEdit->text().trimmed();
    d.base.citizen.idNumber = m_ui->citizenIdNumberLineEdit->text().trimmed();
    d.base.citizen.address = m_ui->citizenAddressLineEdit->text().trimmed();
}

void IntakeListenPage::readFrom(const IntakeDraft& d)
{
    const int channel = m_ui->channelComboBox->findData(static_cast<int>(d.base.channel));
    m_ui->channelComboBox->setCurrentIndex(qMax(0, channel));
    ReferenceCombo::select(m_ui->windowComboBox, d.base.windowId);
    ReferenceCombo::select(m_ui->serviceItemComboBox, d.base.serviceItemId);
    ReferenceCombo::select(m_ui->categoryComboBox, d.base.categoryId);
    m_ui->waitedMinutesSpinBox->setValue(d.base.waitedMinutes.value_or(-1));
    m_ui->queueTicketLineEdit->setText(d.detail.queueTicket);
    m_ui->complaintTextEdit->setPlainText(d.base.complaintText);
    const int emotion = m_ui->emotionComboBox->findData(d.detail.emotion ? static_cast<int>(*d.detail.emotion) : -1);
    m_ui->emotionComboBox->setCurrentIndex(qMax(0, emotion));
    m_acknowledgedAt = d.confirmed.acknowledgedAt;
    showStamp(m_ui->acknowledgedLabel, m_acknowledgedAt, tr("Acknowledged at %1"));
    m_citizenId = d.citizenId;
    m_ui->citizenNameLineEdit->setText(d.base.citizen.name);
    m_ui->citizenPhoneLineEdit->setText(d.base.citizen.phone);
    m_ui->citizenIdNumberLineEdit->setText(d.base.citizen.idNumber);
    m_ui->citizenAddressLineEdit->setText(d.base.citizen.address);
    if (m_citizenId != 0) {
        // A known citizen: the draft keeps only the id; the clerk looks the number up again to see the details.
        m_ui->foundCitizenComboBox->clear();
        m_found = {d.base.citizen};
        m_found.first().id = m_citizenId;
        m_ui->foundCitizenComboBox->addItem(tr("%1 (known citizen)").arg(d.base.citizen.name), m_citizenId);
    }
    updateCitizenState();
}

bool IntakeListenPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->citizenLookupLineEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
            static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
            findCitizen();
            return true;
        }
    }
    return IntakePageBase::eventFilter(watched, event);
}

void IntakeListenPage::updateCitizenState()
{
    const bool anonymous = isAnonymous();
    const bool known = m_citizenId != 0;
    m_ui->citizenLookupLineEdit->setEnabled(!anonymous);
    m_ui->findCitizenButton->setEnabled(!anonymous);
    m_ui->foundCitizenComboBox->setEnabled(!anonymous && m_ui->foundCitizenComboBox->count() > 0);
    for (QLineEdit* edit : {m_ui->citizenNameLineEdit, m_ui->citizenPhoneLineEdit, m_ui->citizenIdNumberLineEdit,
                            m_ui->citizenAddressLineEdit}) {
        edit->setEnabled(!anonymous);
        edit->setReadOnly(known);
    }
}

void IntakeListenPage::findCitizen()
{
    const QString number = m_ui->citizenLookupLineEdit->text().trimmed();
    if (number.isEmpty()) {
        FormHelpers::showError(m_ui->citizenLookupLineEditErrorLabel, tr("Type a phone or ID number first."));
        m_ui->citizenLookupLineEdit->setFocus();
        return;
    }
    FormHelpers::showError(m_ui->citizenLookupLineEditErrorLabel, tr("Looking up…"));
    m_ui->findCitizenButton->setEnabled(false);
    m_wizard->context().worker->runLatest(
        this, m_lookup, IntakeJobs::findCitizens(m_wizard->context().session, number),
        [this](const Result<QList<Citizen>>& found) {
            m_ui->findCitizenButton->setEnabled(!isAnonymous());
            if (!found) {
                FormHelpers::showError(m_ui->citizenLookupLineEditErrorLabel, found.error().message);
                return;
            }
            m_found = *found;
            m_ui->foundCitizenComboBox->clear();
            m_ui->foundCitizenComboBox->addItem(tr("New citizen (enter below)"), qint64(0));
            for (const Citizen& c : m_found) {
                m_ui->foundCitizenComboBox->addItem(tr("%1 · %2").arg(c.name, c.phone.isEmpty() ? c.idNumber : c.phone),
                                                    c.id);
            }
            FormHelpers::showError(m_ui->citizenLookupLineEditErrorLabel,
                                   m_found.isEmpty() ? tr("No citizen with this number: enter the citizen below.")
                                                     : tr("%n citizen(s) found: choose below.", "", m_found.size()));
            updateCitizenState();
            if (!m_found.isEmpty()) {
                m_ui->foundCitizenComboBox->setCurrentIndex(1);
                useFoundCitizen(1);
                m_ui->foundCitizenComboBox->setFocus();
            } else {
                useFoundCitizen(0);
                m_ui->citizenNameLineEdit->setFocus();
            }
        });
}

void IntakeListenPage::useFoundCitizen(int index)
{
    const qint64 id = m_ui->foundCitizenComboBox->itemData(index).toLongLong();
    const auto it = std::find_if(m_found.cbegin(), m_found.cend(), [id](const Citizen& c) { return c.id == id; });
    if (it != m_found.cend()) {
        m_citizenId = it->id;
        m_ui->citizenNameLineEdit->setText(it->name);
        m_ui->citizenPhoneLineEdit->setText(it->phone);
        m_ui->citizenIdNumberLineEdit->setText(it->idNumber);
        m_ui->citizenAddressLineEdit->setText(it->address);
    } else if (id == 0 && m_citizenId != 0) {
        m_citizenId = 0;
        for (QLineEdit* edit : {m_ui->citizenNameLineEdit, m_ui->citizenPhoneLineEdit, m_ui->citizenIdNumberLineEdit,
                                m_ui->citizenAddressLineEdit}) {
            edit->clear();
        }
        const QString number = m_ui->citizenLookupLineEdit->text().trimmed();
        (number.size() >= 15 ? m_ui->citizenIdNumberLineEdit : m_ui->citizenPhoneLineEdit)->setText(number);
    }
    updateCitizenState();
    emit edited();
}

void IntakeListenPage::loadAcknowledgement()
{
    const int emotion = m_ui->emotionComboBox->currentData().toInt();
    const std::optional<EmotionLevel> level =
        emotion < 0 ? std::nullopt : std::optional<EmotionLevel>(static_cast<EmotionLevel>(emotion));
    m_ui->acknowledgeTextBrowser->setPlainText(tr("Loading the sentences…"));
    m_wizard->context().worker->runLatest(
        this, m_scripts,
        IntakeLibrary::templates(m_wizard->context().session, ScriptStep::Acknowledge,
                                 ReferenceCombo::selectedId(m_ui->categoryComboBox), level),
        [this](const Result<QList<ScriptTemplate>>& templates) {
            if (!templates) {
                m_ui->acknowledgeTextBrowser->setPlainText(templates.error().message);
                return;
            }
            const auto values = m_wizard->placeholderValues();
            QStringList sentences;
            for (const ScriptTemplate& t : *templates) {
                sentences << IntakeLibrary::fill(t.body, values).toHtmlEscaped();
                if (sentences.size() == 3) {
                    break;
                }
            }
            m_ui->acknowledgeTextBrowser->setHtml(
                sentences.isEmpty()
                    ? tr("No sentences in the script library for this case yet. In your own words: "
                         "thank the citizen and say that you understand.")
                    : QStringLiteral("<p>") + sentences.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>"));
        });
}

void IntakeListenPage::acknowledge()
{
    m_acknowledgedAt = m_wizard->context().clock->now();
    showStamp(m_ui->acknowledgedLabel, m_acknowledgedAt, tr("Acknowledged at %1"));
    FormHelpers::clearError(m_ui->acknowledgedButtonErrorLabel);
    emit edited();
}

void IntakeListenPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        showStamp(m_ui->acknowledgedLabel, m_acknowledgedAt, tr("Acknowledged at %1"));
    }
    IntakePageBase::changeEvent(event);
}
