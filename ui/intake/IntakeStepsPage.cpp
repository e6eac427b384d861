#include "intake/IntakeStepsPage.h"

#include "ui_IntakeStepsPage.h"

#include "cases/ReferenceCombo.h"
#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "intake/IntakeLibrary.h"
#include "intake/IntakeWizard.h"
#include "services/CaseService.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QTextCursor>
#include <QTextEdit>

IntakeStepsPage::IntakeStepsPage(IntakeWizard* wizard)
    : IntakePageBase(wizard, IntakePage::Steps)
    , m_ui(std::make_unique<Ui::IntakeStepsPage>())
{
    m_ui->setupUi(this);
    clearProblems();
    fillChoices();
    m_ui->promiseReasonLineEdit->setEnabled(false);

    addField(QStringLiteral("departmentId"), m_ui->departmentComboBox);
    addField(QStringLiteral("assigneeId"), m_ui->assigneeComboBox);
    addField(QStringLiteral("remedies"), m_ui->remedyNoteLineEdit);
    addField(QStringLiteral("steps.remedies"), m_ui->remedyNoteLineEdit);
    addField(QStringLiteral("remedyNote"), m_ui->remedyNoteLineEdit);
    addField(QStringLiteral("steps.remedyNote"), m_ui->remedyNoteLineEdit);
    addField(QStringLiteral("steps"), m_ui->nextStepsTextEdit);
    addField(QStringLiteral("promisedAt"), m_ui->promisedDateTimeEdit);
    addField(QStringLiteral("promiseReason"), m_ui->promiseReasonLineEdit);
    addField(QStringLiteral("steps.promiseReason"), m_ui->promiseReasonLineEdit);
    addField(QStringLiteral("replyText"), m_ui->replyTextEdit);
    addField(QStringLiteral("steps.replyText"), m_ui->replyTextEdit);
    addField(QStringLiteral("stepsExplainedAt"), m_ui->stepsExplainedButton);

    for (QWidget* input : std::initializer_list<QWidget*>{
             m_ui->departmentComboBox, m_ui->assigneeComboBox, m_ui->remedyNoteLineEdit, m_ui->nextStepsTextEdit,
             m_ui->promisedDateTimeEdit, m_ui->promiseReasonLineEdit, m_ui->replyTextEdit}) {
        watch(input);
    }
    for (const auto& [box, remedy] : remedyBoxes()) {
        watch(box);
    }
    connect(m_ui->promisedDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &IntakeStepsPage::updatePromise);
    connect(m_ui->nextStepsTextEdit, &QPlainTextEdit::textChanged, this, &IntakeStepsPage::stepsChanged);
    connect(m_ui->promisedDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &IntakeStepsPage::stepsChanged);
    connect(m_ui->departmentComboBox, &QComboBox::currentIndexChanged, this, &IntakeStepsPage::stepsChanged);
    connect(m_ui->departmentComboBox, &QComboBox::currentIndexChanged, this, &IntakeStepsPage::refillReply);
    connect(m_ui->promisedDateTimeEdit, &QDateTimeEdit::editingFinished, this, &IntakeStepsPage::refillReply);
    connect(m_ui->replyTextEdit, &QPlainTextEdit::textChanged, this, &IntakeStepsPage::checkReply);
    connect(m_ui->assembleReplyButton, &QPushButton::clicked, this, &IntakeStepsPage::assembleReply);
    connect(m_ui->stepsExplainedButton, &QPushButton::clicked, this, &IntakeStepsPage::explain);
    connect(wizard, &IntakeWizard::replyRulesLoaded, this, &IntakeStepsPage::checkReply);
    loadAssignees();
}

IntakeStepsPage::~IntakeStepsPage() = default;

QList<QPair<QCheckBox*, Remedy>> IntakeStepsPage::remedyBoxes() const
{
    return {{m_ui->apologyCheckBox, Remedy::Apology},         {m_ui->expeditedCheckBox, Remedy::Expedited},
            {m_ui->onSiteHelpCheckBox, Remedy::OnSiteHelp},   {m_ui->feeWaiverCheckBox, Remedy::FeeWaiver},
            {m_ui->explanationCheckBox, Remedy::Explanation}, {m_ui->otherRemedyCheckBox, Remedy::Other}};
}

void IntakeStepsPage::fillChoices()
{
    ReferenceCombo::fill(m_ui->departmentComboBox, *m_wizard->context().reference, ReferenceKind::Department,
                         tr("Not specified"));
    const Session& session = m_wizard->context().session;
    if (m_ui->assigneeComboBox->count() == 0) {
        m_ui->assigneeComboBox->addItem(tr("Me (%1)").arg(session.displayName()), qint64(0));
    } else {
        m_ui->assigneeComboBox->setItemText(0, tr("Me (%1)").arg(session.displayName()));
    }
}

void IntakeStepsPage::loadAssignees()
{
    const Session session = m_wizard->context().session;
    if (!session.can(Permission::ReassignCase)) {
        return; // a clerk records cases for themselves
    }
    m_wizard->context().worker->run(
        this,
        [session](const WorkerScope& scope) {
            return CaseService(session, scope.repos, scope.clock).assignableUsers();
        },
        [this, session](const Result<QList<User>>& users) {
            if (!users) {
                return;
            }
            const qint64 current = m_ui->assigneeComboBox->currentData().toLongLong();
            for (const User& u : *users) {
                if (u.id != session.userId() && m_ui->assigneeComboBox->findData(u.id) < 0) {
                    m_ui->assigneeComboBox->addItem(u.displayName, u.id);
                }
            }
            m_ui->assigneeComboBox->setCurrentIndex(qMax(0, m_ui->assigneeComboBox->findData(current)));
        });
}

void IntakeStepsPage::initializePage()
{
    if (!m_promiseSet) {
        m_promiseSet = true;
        m_ui->promisedDateTimeEdit->setDateTime(m_wizard->service().latestPromise(m_wizard->draft()));
    }
    updatePromise();
    if (m_ui->replyTextEdit->toPlainText().trimmed().isEmpty()) {
        assembleReply();
    }
    focusSoon(m_ui->departmentComboBox);
}

void IntakeStepsPage::writeTo(IntakeDraft& d) const
{
    d.base.departmentId = ReferenceCombo::selectedId(m_ui->departmentComboBox);
    d.assigneeId = m_ui->assigneeComboBox->currentData().toLongLong();
    d.detail.steps.remedies.clear();
    for (const auto& [box, remedy] : remedyBoxes()) {
        if (box->isChecked()) {
            d.detail.steps.remedies.append(remedy);
        }
    }
    d.detail.steps.remedyNote = m_ui->remedyNoteLineEdit->text().trimmed();
    d.base.steps = m_ui->nextStepsTextEdit->toPlainText().trimmed();
    if (m_promiseSet) {
        d.base.promisedAt = m_ui->promisedDateTimeEdit->dateTime();
    }
    d.detail.steps.promiseReason =
        m_ui->promiseReasonLineEdit->isEnabled() ? m_ui->promiseReasonLineEdit->text().trimmed() : QString();
    d.detail.steps.replyText = m_ui->replyTextEdit->toPlainText();
    d.confirmed.stepsExplainedAt = m_explainedAt;
}

void IntakeStepsPage::readFrom(const IntakeDraft& d)
{
    m_loading = true;
    ReferenceCombo::select(m_ui->departmentComboBox, d.base.departmentId);
    m_ui->assigneeComboBox->setCurrentIndex(qMax(0, m_ui->assigneeComboBox->findData(d.assigneeId)));
    for (const auto& [box, remedy] : remedyBoxes()) {
        box->setChecked(d.detail.steps.remedies.contains(remedy));
    }
    m_ui->remedyNoteLineEdit->setText(d.detail.steps.remedyNote);
    m_ui->nextStepsTextEdit->setPlainText(d.base.steps);
    m_promiseSet = d.base.promisedAt.isValid();
    if (m_promiseSet) {
        m_ui->promisedDateTimeEdit->setDateTime(d.base.promisedAt);
    }
    m_ui->promiseReasonLineEdit->setText(d.detail.steps.promiseReason);
    m_ui->replyTextEdit->setPlainText(d.detail.steps.replyText);
    m_loading = false;
    m_explainedAt = d.confirmed.stepsExplainedAt;
    m_explainedText = explainedText();
    updatePromise();
    showExplained();
}

void IntakeStepsPage::updatePromise()
{
    const QDateTime latest = m_wizard->service().latestPromise(m_wizard->draft());
    const bool later = m_promiseSet && latest.isValid() && m_ui->promisedDateTimeEdit->dateTime() > latest;
    m_ui->promiseReasonLineEdit->setEnabled(later);
    m_ui->promiseHintLabel->setText(
        later ? tr("Later than the time limit (%1): say why below.")
                    .arg(latest.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
              : tr("The time limit allows up to %1.").arg(latest.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

QString IntakeStepsPage::explainedText() const
{
    return QString::number(ReferenceCombo::selectedId(m_ui->departmentComboBox)) + QLatin1Char('|') +
           m_ui->nextStepsTextEdit->toPlainText().trimmed() + QLatin1Char('|') +
           m_ui->promisedDateTimeEdit->dateTime().toString(Qt::ISODate);
}

void IntakeStepsPage::stepsChanged()
{
    if (m_loading || !m_explainedAt.isValid() || explainedText() == m_explainedText) {
        return;
    }
    m_explainedAt = {};
    showExplained();
    FormHelpers::showError(m_ui->stepsExplainedButtonErrorLabel,
                           tr("The steps changed: explain them to the citizen again."));
}

void IntakeStepsPage::refillReply()
{
    // A reply assembled before the department or the promised time was chosen shows 【{部门}】 where they go: fill
    // those in now, and leave the rest of the clerk's text as it is.
    const QString reply = m_ui->replyTextEdit->toPlainText();
    if (m_loading || !reply.contains(QStringLiteral("【{"))) {
        return;
    }
    const QHash<QString, QString> all = m_wizard->placeholderValues();
    QHash<QString, QString> chosen;
    for (const QString& name : {QStringLiteral("部门"), QStringLiteral("承诺时间")}) {
        chosen.insert(name, all.value(name));
    }
    const QString filled = IntakeLibrary::fill(reply, chosen);
    if (filled == reply) {
        return;
    }
    const int position = m_ui->replyTextEdit->textCursor().position();
    m_ui->replyTextEdit->setPlainText(filled);
    QTextCursor cursor = m_ui->replyTextEdit->textCursor();
    cursor.setPosition(std::min(position, int(filled.size())));
    m_ui->replyTextEdit->setTextCursor(cursor);
}

void IntakeStepsPage::explain()
{
    m_explainedAt = m_wizard->context().clock->now();
    m_explainedText = explainedText();
    FormHelpers::clearError(m_ui->stepsExplainedButtonErrorLabel);
    showExplained();
    emit edited();
}

void IntakeStepsPage::showExplained()
{
    showStamp(m_ui->stepsExplainedLabel, m_explainedAt, tr("Explained at %1"));
}

void IntakeStepsPage::assembleReply()
{
    const IntakeDraft d = m_wizard->draft();
    const Session session = m_wizard->context().session;
    const QList<IntakeLibrary::TemplatesJob> jobs{
        IntakeLibrary::templates(session, ScriptStep::Acknowledge, d.base.categoryId, d.detail.emotion),
        IntakeLibrary::templates(session, ScriptStep::Restate, d.base.categoryId, d.detail.emotion),
        IntakeLibrary::templates(session, ScriptStep::Steps, d.base.categoryId, d.detail.emotion)};
    m_assembling = true;
    m_ui->assembleReplyButton->setEnabled(false);
    m_ui->findingsListWidget->clear();
    m_ui->findingsListWidget->addItem(tr("Assembling the reply from the script library…"));
    m_wizard->context().worker->runLatest(
        this, m_templates,
        [jobs](const WorkerScope& scope) -> Result<QList<ScriptTemplate>> {
            QList<ScriptTemplate> chosen; // the best template of each step, in the order of the conversation
            for (const auto& job : jobs) {
                const auto found = job(scope);
                if (!found) {
                    return found.error();
                }
                if (!found->isEmpty()) {
                    chosen.append(found->first());
                }
            }
            return chosen;
        },
        [this](const Result<QList<ScriptTemplate>>& chosen) {
            m_assembling = false;
            m_ui->assembleReplyButton->setEnabled(true);
            if (!chosen) {
                FormHelpers::showError(m_ui->replyTextEditErrorLabel, chosen.error().message);
                checkReply();
                return;
            }
            const auto values = m_wizard->placeholderValues();
            QStringList parts;
            for (const ScriptTemplate& t : *chosen) {
                parts << IntakeLibrary::fill(t.body, values);
            }
            m_ui->replyTextEdit->setPlainText(parts.join(QString()));
            checkReply();
        });
}

void IntakeStepsPage::checkReply()
{
    const QString reply = m_ui->replyTextEdit->toPlainText();
    m_findings =
        reply.trimmed().isEmpty() ? QList<ReplyFinding>{} : IntakeLibrary::check(m_wizard->replyRules(), reply);
    QList<QTextEdit::ExtraSelection> marks;
    m_ui->findingsListWidget->clear();
    for (const ReplyFinding& f : m_findings) {
        const QString kind = IntakeLibrary::kindLabel(f.kind);
        m_ui->findingsListWidget->addItem(f.text.isEmpty() ? tr("%1: %2").arg(kind, f.advice)
                                                           : tr("%1 “%2”: %3").arg(kind, f.text, f.advice));
        if (f.start >= 0 && f.length > 0) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_ui->replyTextEdit->document());
            mark.cursor.setPosition(f.start);
            mark.cursor.setPosition(f.start + f.length, QTextCursor::KeepAnchor);
            mark.format.setBackground(QColor(255, 224, 130));
            mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            mark.format.setUnderlineColor(QColor(176, 0, 32));
            marks.append(mark);
        }
    }
    if (m_findings.isEmpty() && !reply.trimmed().isEmpty()) {
        m_ui->findingsListWidget->addItem(tr("No findings: the reply reads well."));
    }
    m_ui->replyTextEdit->setExtraSelections(marks);
}

void IntakeStepsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        updatePromise();
        showExplained();
        checkReply();
    }
    IntakePageBase::changeEvent(event);
}
