#include "training/TrainingCaseDialog.h"

#include "cases/CaseEvent.h"
#include "cases/CaseStatus.h"
#include "cases/Intake.h"
#include "common/FormHelpers.h"
#include "training/TrainingJobs.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QString emotionText(const QString& code)
{
    const auto e = IntakeCodes::emotionFromCode(code);
    return e ? IntakeCodes::label(*e) : FormHelpers::dash();
}
} // namespace

TrainingCaseDialog::TrainingCaseDialog(Session session, DatabaseWorker& worker, qint64 id, QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_id(id)
{
    setWindowTitle(tr("Training case"));
    resize(760, 640);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    form->addRow(tr("&Title:"), m_title);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("factsLabel"));
    m_facts->setWordWrap(true);
    form->addRow(tr("Source:"), m_facts);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteTextEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(70);
    form->addRow(tr("Trainer's &note:"), m_note);
    layout->addLayout(form);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("stagesTabWidget"));
    for (DrillStage stage : DrillCodes::stages()) {
        auto* page = new QWidget(m_tabs);
        auto* stageForm = new QFormLayout(page);
        auto* emotion = new QLabel(page);
        auto* citizen = new QPlainTextEdit(page);
        citizen->setObjectName(QStringLiteral("citizenTextEdit_") + DrillCodes::code(stage));
        citizen->setTabChangesFocus(true);
        auto* answer = new QPlainTextEdit(page);
        answer->setObjectName(QStringLiteral("modelAnswerEdit_") + DrillCodes::code(stage));
        answer->setTabChangesFocus(true);
        stageForm->addRow(tr("Emotion:"), emotion);
        stageForm->addRow(tr("The citizen &says:"), citizen);
        stageForm->addRow(tr("&Model answer:"), answer);
        m_emotions.insert(stage, emotion);
        m_citizen.insert(stage, citizen);
        m_answers.insert(stage, answer);
        m_tabs->addTab(page, DrillCodes::label(stage));
    }
    m_timeline = new QTableWidget(0, 3, m_tabs);
    m_timeline->setObjectName(QStringLiteral("timelineTableWidget"));
    m_timeline->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("Note")});
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->verticalHeader()->hide();
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_timeline, tr("Timeline"));
    layout->addWidget(m_tabs, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    layout->addWidget(m_buttons);
    connect(m_buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &TrainingCaseDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

void TrainingCaseDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void TrainingCaseDialog::load()
{
    setBusy(true);
    m_worker.runLatest(this, m_latest, TrainingJobs::find(m_session, m_id), [this](const Result<TrainingCase>& found) {
        setBusy(false);
        if (!found) {
            FormHelpers::showError(m_error, found.error().message);
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
            return;
        }
        showCase(*found);
    });
}

void TrainingCaseDialog::showCase(const TrainingCase& c)
{
    m_case = c;
    m_title->setText(c.title);
    m_note->setPlainText(c.trainerNote);
    QStringList source{c.category.isEmpty() ? FormHelpers::dash() : c.category,
                       c.serviceItem.isEmpty() ? FormHelpers::dash() : c.serviceItem};
    if (const auto channel = Channels::fromCode(c.channel)) {
        source << Channels::label(*channel);
    }
    if (const auto outcome = IntakeCodes::reasonablenessFromCode(c.outcome)) {
        source << IntakeCodes::label(*outcome);
    }
    if (c.rating) {
        source << tr("rated %1/5").arg(*c.rating);
    }
    m_facts->setText(source.join(QStringLiteral(" · ")));
    for (DrillStage stage : DrillCodes::stages()) {
        const TrainingStage* s = c.stage(stage);
        m_citizen.value(stage)->setPlainText(s ? s->citizenText : QString());
        m_answers.value(stage)->setPlainText(s ? s->modelAnswer : QString());
        m_emotions.value(stage)->setText(emotionText(s ? s->emotion : QString()));
    }
    m_timeline->setRowCount(int(c.timeline.size()));
    for (int row = 0; row < c.timeline.size(); ++row) {
        const TrainingEvent& e = c.timeline.at(row);
        const auto kind = CaseEventKinds::fromCode(e.kind);
        m_timeline->setItem(row, 0, new QTableWidgetItem(FormHelpers::dateTime(e.at)));
        m_timeline->setItem(row, 1, new QTableWidgetItem(kind ? CaseEventKinds::label(*kind) : e.kind));
        m_timeline->setItem(row, 2, new QTableWidgetItem(e.note));
    }
    m_timeline->resizeColumnsToContents();
    m_timeline->horizontalHeader()->setStretchLastSection(true);
}

void TrainingCaseDialog::save()
{
    if (m_busy || m_case.id == 0) {
        return;
    }
    TrainingEdits edits;
    edits.title = m_title->text();
    edits.trainerNote = m_note->toPlainText();
    for (DrillStage stage : DrillCodes::stages()) {
        const TrainingStage* s = m_case.stage(stage);
        edits.stages.append(TrainingStage{stage, m_citizen.value(stage)->toPlainText(), s ? s->emotion : QString(),
                                          m_answers.value(stage)->toPlainText()});
    }
    setBusy(true);
    FormHelpers::clearError(m_error);
    m_worker.runLatest(this, m_latest, TrainingJobs::update(m_session, m_case.id, m_case.version, edits),
                       [this](const Result<TrainingCase>& saved) {
                           setBusy(false);
                           if (!saved) {
                               // The refusal is shown; what was typed stays in the fields.
                               FormHelpers::showError(m_error, saved.error().message);
                               return;
                           }
                           m_case = *saved;
                           emit this->saved(*saved);
                           accept();
                       });
}
