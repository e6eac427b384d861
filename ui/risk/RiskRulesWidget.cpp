#include "risk/RiskRulesWidget.h"

#include "common/FormHelpers.h"
#include "risk/RiskJobs.h"
#include "risk/RiskRules.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

RiskRulesWidget::RiskRulesWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_worker(worker)
    , m_json(new QPlainTextEdit(this))
    , m_note(new QLineEdit(this))
    , m_noteLabel(new QLabel(this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_builtIn(new QPushButton(this))
    , m_versionsLabel(new QLabel(this))
    , m_versions(new QTreeWidget(this))
    , m_checkTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("riskRulesWidget"));
    m_json->setObjectName(QStringLiteral("riskRulesPlainTextEdit"));
    m_note->setObjectName(QStringLiteral("riskRulesNoteLineEdit"));
    m_message->setObjectName(QStringLiteral("riskRulesMessageLabel"));
    m_save->setObjectName(QStringLiteral("saveRiskRulesButton"));
    m_builtIn->setObjectName(QStringLiteral("builtInRiskRulesButton"));
    m_versions->setObjectName(QStringLiteral("riskRulesVersionsTreeWidget"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_message->setWordWrap(true);
    m_noteLabel->setBuddy(m_note);
    m_note->setMaxLength(RiskService::kMaxNoteChars);
    m_versions->setRootIsDecorated(false);
    m_versions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->setMaximumHeight(160);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(300);

    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_noteLabel);
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_builtIn);
    noteRow->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_json, 1);
    layout->addWidget(m_message);
    layout->addLayout(noteRow);
    layout->addWidget(m_versionsLabel);
    layout->addWidget(m_versions);

    connect(m_json, &QPlainTextEdit::textChanged, m_checkTimer, qOverload<>(&QTimer::start));
    connect(m_checkTimer, &QTimer::timeout, this, &RiskRulesWidget::check);
    connect(m_save, &QPushButton::clicked, this, &RiskRulesWidget::save);
    connect(m_builtIn, &QPushButton::clicked, this,
            [this] { m_json->setPlainText(QString::fromUtf8(RiskRules::builtInJson())); });
    retranslate();
    reload();
}

void RiskRulesWidget::reload()
{
    m_loading = true;
    m_worker.run(this, RiskJobs::rulesEditor(m_session), [this](const Result<RiskJobs::RulesEditor>& editor) {
        m_loading = false;
        if (!editor) {
            FormHelpers::showError(m_message, editor.error().message);
            emit loaded();
            return;
        }
        m_json->setPlainText(QString::fromUtf8(editor->current ? editor->current->json : RiskRules::builtInJson()));
        m_versions->clear();
        for (const RiskRulesVersion& v : editor->versions) {
            new QTreeWidgetItem(m_versions,
                                {QString::number(v.id), FormHelpers::dateTime(v.savedAt), v.savedBy.name, v.note});
        }
        m_versionsLabel->setText(editor->current ? tr("Saved versions (the newest is in force):")
                                                 : tr("No saved version: the built-in rules are in force."));
        check();
        emit loaded();
    });
}

bool RiskRulesWidget::check()
{
    m_checkTimer->stop();
    const auto rules = RiskRules::fromJson(m_json->toPlainText().toUtf8());
    if (rules) {
        FormHelpers::clearError(m_message);
        m_message->setText(tr("The rules are valid."));
        m_message->show();
    } else {
        FormHelpers::showError(m_message, rules.error().message);
    }
    m_save->setEnabled(!m_saving && !m_loading && rules.ok());
    return rules.ok();
}

void RiskRulesWidget::save()
{
    if (m_saving || !check()) {
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_worker.run(this, RiskJobs::saveRules(m_session, m_json->toPlainText().toUtf8(), m_note->text()),
                 [this](const Result<qint64>& id) {
                     m_saving = false;
                     if (id) {
                         m_note->clear();
                         emit statusMessage(tr("Risk rules saved as version %1; they are in force now.").arg(*id));
                         emit saved(*id);
                         reload();
                     } else {
                         FormHelpers::showError(m_message, id.error().message);
                         check();
                     }
                 });
}

void RiskRulesWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void RiskRulesWidget::retranslate()
{
    m_noteLabel->setText(tr("&Note:"));
    m_note->setPlaceholderText(tr("Why the rules change (kept with the version)"));
    m_save->setText(tr("&Save as new version"));
    m_builtIn->setText(tr("Start from the &built-in rules"));
    m_versions->setHeaderLabels({tr("Version"), tr("Saved"), tr("By"), tr("Note")});
    if (m_versionsLabel->text().isEmpty()) {
        m_versionsLabel->setText(tr("Saved versions (the newest is in force):"));
    }
}
