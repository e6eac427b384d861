#include "intake/IntakeWizard.h"

#include "cases/IntakeDraftStore.h"
#include "common/AppSettings.h"
#include "common/BusyIndicator.h"
#include "common/Clock.h"
#include "intake/IntakeFactsPage.h"
#include "intake/IntakeImpactPage.h"
#include "intake/IntakeJobs.h"
#include "intake/IntakeLibrary.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeReviewPage.h"
#include "intake/IntakeStepsPage.h"
#include "risk/RiskJobs.h"
#include "risk/RiskScorer.h"
#include "services/RiskService.h"
#include "workers/DatabaseWorker.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QEvent>
#include <QShortcut>
#include <QTimer>

IntakeWizard::IntakeWizard(const IntakeContext& context, QWidget* parent)
    : QWizard(parent)
    , m_context(context)
    , m_service(std::make_unique<IntakeService>(context.session, context.repos, *context.clock))
    , m_store(std::make_unique<IntakeDraftStore>(context.draftFolder(), context.session.login()))
    , m_receivedAt(context.clock->now())
    , m_riskScorer(std::make_unique<RiskScorer>())
{
    setObjectName(QStringLiteral("intakeWizard"));
    setWizardStyle(QWizard::ModernStyle);
    // Return inside a field must not turn the page: Ctrl+Enter does, on purpose.
    setOptions(QWizard::NoDefaultButton | QWizard::NoBackButtonOnStartPage);

    m_listen = new IntakeListenPage(this);
    m_facts = new IntakeFactsPage(this);
    m_impact = new IntakeImpactPage(this);
    m_steps = new IntakeStepsPage(this);
    m_review = new IntakeReviewPage(this);
    setPage(ListenPageId, m_listen);
    setPage(FactsPageId, m_facts);
    setPage(ImpactPageId, m_impact);
    setPage(StepsPageId, m_steps);
    setPage(ReviewPageId, m_review);
    for (IntakePageBase* page : {static_cast<IntakePageBase*>(m_listen), static_cast<IntakePageBase*>(m_facts),
                                 static_cast<IntakePageBase*>(m_impact), static_cast<IntakePageBase*>(m_steps),
                                 static_cast<IntakePageBase*>(m_review)}) {
        connect(page, &IntakePageBase::edited, this, &IntakeWizard::markEdited);
    }

    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &IntakeWizard::goOn);
    }

    m_autosave = new QTimer(this);
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (m_dirty) {
            saveDraft();
        }
    });
    m_autosave->start();

    m_context.worker->run(this, IntakeLibrary::replyRules(m_context.session),
                          [this](const Result<QList<ReplyRule>>& rules) {
                              if (rules) {
                                  m_rules = *rules;
                              }
                              emit replyRulesLoaded();
                          });
    m_context.worker->run(this, RiskJobs::rules(m_context.session), [this](const Result<RiskRules>& rules) {
        if (rules) {
            m_riskScorer = std::make_unique<RiskScorer>(*rules);
            updateRisk();
        }
        m_riskRulesLoaded = true;
        emit riskRulesArrived();
    });

    retranslate();
    resize(1180, 780);
}

IntakeWizard::~IntakeWizard() = default;

void IntakeWizard::retranslate()
{
    setWindowTitle(tr("New case: guided intake"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, m_saved ? tr("&Close") : tr("&Save case"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    button(QWizard::NextButton)->setToolTip(tr("Next page (Ctrl+Enter)"));
    button(QWizard::FinishButton)->setToolTip(m_saved ? QString() : tr("Save the case (Ctrl+Enter)"));
    button(QWizard::CancelButton)->setToolTip(tr("Close; what was entered is kept as a draft"));
}

void IntakeWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWizard::changeEvent(event);
}

IntakeDraft IntakeWizard::draft() const
{
    IntakeDraft d;
    d.base.receivedAt = m_receivedAt;
    m_listen->writeTo(d);
    m_facts->writeTo(d);
    m_impact->writeTo(d);
    m_steps->writeTo(d);
    m_review->writeTo(d);
    return d;
}

IntakeDraftState IntakeWizard::state() const
{
    IntakeDraftState s;
    s.draft = draft();
    s.page = qMax(0, currentId());
    s.anonymous = m_listen->isAnonymous();
    s.savedAt = m_context.clock->now();
    return s;
}

bool IntakeWizard::isBlank() const
{
    const IntakeDraft d = draft();
    return d.base.complaintText.trimmed().isEmpty() && d.detail.facts.what.trimmed().isEmpty() &&
           d.detail.impact.demand.trimmed().isEmpty() && d.base.citizen.isEmpty() && d.citizenId == 0 &&
           d.base.steps.trimmed().isEmpty() && !d.confirmed.acknowledgedAt.isValid();
}

void IntakeWizard::restore(const IntakeDraftState& s)
{
    m_restoring = true;
    if (s.draft.base.receivedAt.isValid()) {
        m_receivedAt = s.draft.base.receivedAt;
    }
    m_listen->setAnonymous(s.anonymous);
    m_listen->readFrom(s.draft);
    m_facts->readFrom(s.draft);
    m_impact->readFrom(s.draft);
    m_steps->readFrom(s.draft);
    m_review->readFrom(s.draft);
    // Walk to the page the clerk was on, so that Back works from there as before.
    restart();
    while (currentId() < qBound(0, s.page, int(ReviewPageId)) && currentId() >= 0) {
        const int before = currentId();
        next();
        if (currentId() == before) {
            break;
        }
    }
    m_restoring = false;
    m_dirty = false;
}

QList<FieldProblem> IntakeWizard::problems(IntakePage page) const
{
    return m_service->validatePage(draft(), page);
}

bool IntakeWizard::validateCurrentPage()
{
    if (m_restoring) {
        return true;
    }
    if (currentId() != ReviewPageId) {
        return QWizard::validateCurrentPage();
    }
    if (m_saved) {
        return true; // "Close" after saving
    }
    if (m_saving || !m_review->validatePage()) {
        return false;
    }
    startSaving();
    return false;
}

void IntakeWizard::goOn()
{
    if (m_saving) {
        return;
    }
    if (currentId() == ReviewPageId) {
        if (QAbstractButton* finish = button(QWizard::FinishButton); finish->isEnabled()) {
            finish->click();
        }
        return;
    }
    next();
}

void IntakeWizard::startSaving()
{
    m_saving = true;
    m_review->setSaving(true);
    for (auto which : {QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton}) {
        button(which)->setEnabled(false);
    }
    m_context.worker->run(this, IntakeJobs::submit(m_context.session, draft()), [this](const Result<Case>& saved) {
        m_saving = false;
        m_review->setSaving(false);
        for (auto which : {QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton}) {
            button(which)->setEnabled(true);
        }
        if (!saved) {
            m_review->showSaveError(saved.error().message); // nothing is lost: the draft stays
            saveDraft();
            return;
        }
        m_saved = *saved;
        m_store->discard();
        m_dirty = false;
        m_review->showSaved(*saved);
        button(QWizard::BackButton)->setEnabled(false);
        button(QWizard::CancelButton)->hide();
        retranslate();
        emit caseSaved(*saved);
    });
}

void IntakeWizard::done(int result)
{
    if (m_saving) {
        return; // the case may be stored already: wait for the answer instead of losing it
    }
    if (!m_saved) {
        saveDraft();
    }
    m_autosave->stop();
    QWizard::done(result);
}

void IntakeWizard::markEdited()
{
    if (!m_restoring) {
        m_dirty = true;
    }
    updateRisk();
}

void IntakeWizard::updateRisk()
{
    // The text the service will score when the case is saved (RiskService::scoredText); the facts and impact as
    // restated, or their main field while no restatement is written yet. The citizen's history counts on saving.
    const IntakeDraft d = draft();
    Case c;
    c.complaintText = d.base.complaintText;
    c.facts = d.base.facts.trimmed().isEmpty() ? d.detail.facts.what : d.base.facts;
    c.impact = d.base.impact.trimmed().isEmpty() ? d.detail.impact.demand : d.base.impact;
    m_risk = m_riskScorer->score(RiskInput{RiskService::scoredText(c), 0, d.base.channel});
    emit riskChanged(m_risk);
}

void IntakeWizard::saveDraft()
{
    m_dirty = false;
    if (m_saved || m_restoring || isBlank()) {
        return;
    }
    if (const Status stored = m_store->save(state()); !stored) {
        qWarning("%s", qPrintable(stored.error().message));
    }
}

QString IntakeWizard::nameIn(const char* comboName, qint64 id) const
{
    if (id == 0) {
        return {};
    }
    const auto* combo = findChild<QComboBox*>(QString::fromLatin1(comboName));
    const int index = combo ? combo->findData(id) : -1;
    return index < 0 ? QString() : combo->itemText(index);
}

QString IntakeWizard::windowName(qint64 id) const
{
    return nameIn("windowComboBox", id);
}

QString IntakeWizard::serviceItemName(qint64 id) const
{
    return nameIn("serviceItemComboBox", id);
}

QString IntakeWizard::departmentName(qint64 id) const
{
    return nameIn("departmentComboBox", id);
}

QString IntakeWizard::categoryName(qint64 id) const
{
    return nameIn("categoryComboBox", id);
}

QHash<QString, QString> IntakeWizard::placeholderValues() const
{
    const IntakeDraft d = draft();
    QHash<QString, QString> values;
    const QString name = m_listen->citizenName().trimmed();
    // The templates are Chinese: the form of address is too.
    values.insert(QStringLiteral("称呼"),
                  name.isEmpty() ? QStringLiteral("您好") : name.left(1) + QStringLiteral("先生/女士"));
    values.insert(QStringLiteral("事项"), serviceItemName(d.base.serviceItemId));
    values.insert(QStringLiteral("窗口"), windowName(d.base.windowId));
    values.insert(QStringLiteral("部门"), departmentName(d.base.departmentId));
    values.insert(QStringLiteral("类别"), categoryName(d.base.categoryId));
    values.insert(QStringLiteral("诉求"), d.detail.impact.demand.trimmed());
    if (d.base.promisedAt.isValid()) {
        values.insert(QStringLiteral("承诺时间"), d.base.promisedAt.toString(QStringLiteral("M月d日 HH:mm")));
    }
    values.insert(QStringLiteral("受理时间"), d.base.receivedAt.toString(QStringLiteral("M月d日 HH:mm")));
    values.insert(QStringLiteral("步骤"), d.base.steps);
    values.insert(QStringLiteral("事实"), d.detail.facts.what);
    values.insert(QStringLiteral("影响"), d.base.impact);
    values.insert(QStringLiteral("处理结果"), d.onSpotResolution);
    if (m_context.settings) {
        values.insert(QStringLiteral("大厅"), m_context.settings->string(AppSettings::Key::HallName));
    }
    if (m_saved) {
        values.insert(QStringLiteral("案件编号"), m_saved->caseNo);
    }
    return values;
}
