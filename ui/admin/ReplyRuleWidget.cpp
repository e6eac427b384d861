#include "admin/ReplyRuleWidget.h"

#include "ui_ReplyRuleWidget.h"

#include "admin/ReplyRuleModel.h"
#include "common/FormHelpers.h"
#include "services/ReplyRuleService.h"
#include "workers/DatabaseWorker.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

ReplyRuleWidget::ReplyRuleWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReplyRuleWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_model = new ReplyRuleModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReplyRuleModel::RawValueRole);
    m_proxy->setFilterRole(ReplyRuleModel::RawValueRole);
    m_proxy->setFilterKeyColumn(int(ReplyRuleModel::Column::Status));
    m_ui->ruleTableView->setModel(m_proxy);
    m_ui->ruleTableView->sortByColumn(-1, Qt::AscendingOrder); // the order the checker applies them (by id)
    m_ui->ruleTableView->horizontalHeader()->setDefaultSectionSize(160);
    m_ui->ruleTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->ruleTableView->verticalHeader()->hide();
    m_ui->ruleTableView->horizontalHeader()->resizeSection(int(ReplyRuleModel::Column::Kind), 110);
    m_ui->ruleTableView->horizontalHeader()->resizeSection(int(ReplyRuleModel::Column::Pattern), 220);
    m_ui->ruleTableView->horizontalHeader()->resizeSection(int(ReplyRuleModel::Column::Advice), 240);
    m_ui->ruleTableView->horizontalHeader()->resizeSection(int(ReplyRuleModel::Column::Status), 70);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    for (ReplyFindingKind kind : ReplyFindingKinds::all()) {
        m_ui->kindComboBox->addItem(ReplyFindingKinds::label(kind), int(kind));
    }
    applyFilter();

    connect(m_ui->newButton, &QPushButton::clicked, this, &ReplyRuleWidget::newRule);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ReplyRuleWidget::save);
    connect(m_ui->toggleActiveButton, &QPushButton::clicked, this, &ReplyRuleWidget::toggleActive);
    connect(m_ui->showRetiredCheckBox, &QCheckBox::toggled, this, &ReplyRuleWidget::applyFilter);
    connect(m_ui->ruleTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showRule(selectedRule());
        updateButtons();
    });
    // The sample is checked again whenever it or the rule in the form changes.
    connect(m_ui->sampleTextEdit, &QPlainTextEdit::textChanged, this, &ReplyRuleWidget::updateTry);
    connect(m_ui->patternLineEdit, &QLineEdit::textChanged, this, &ReplyRuleWidget::updateTry);
    connect(m_ui->adviceTextEdit, &QPlainTextEdit::textChanged, this, &ReplyRuleWidget::updateTry);
    connect(m_ui->regexCheckBox, &QCheckBox::toggled, this, &ReplyRuleWidget::updateTry);
    connect(m_ui->constructiveCheckBox, &QCheckBox::toggled, this, &ReplyRuleWidget::updateTry);
    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool defensive =
            ReplyFindingKind(m_ui->kindComboBox->currentData().toInt()) == ReplyFindingKind::Defensive;
        m_ui->constructiveCheckBox->setEnabled(defensive);
        if (!defensive) {
            m_ui->constructiveCheckBox->setChecked(false);
        }
        updateTry();
    });
    retranslate();
    showMessage(QString());
    FormHelpers::clearError(m_ui->ruleErrorLabel);
    newRule();
    reload();
}

ReplyRuleWidget::~ReplyRuleWidget() = default;

void ReplyRuleWidget::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ReplyRuleWidget::reload()
{
    setBusy(true);
    m_ui->countLabel->setText(tr("Loading the rules…"));
    m_worker.runLatest(
        this, m_loadRequest,
        [session = m_session](const WorkerScope& scope) {
            return ReplyRuleService(session, scope.repos, scope.clock).allRules();
        },
        [this](const Result<QList<ReplyRule>>& rules) {
            setBusy(false);
            if (!rules) {
                showError(rules.error().message);
            } else {
                m_all = *rules;
            }
            const qint64 keep = m_selectAfterLoad != 0 ? m_selectAfterLoad : m_editingId;
            m_selectAfterLoad = 0;
            m_model->setItems(m_all);
            retranslate();
            selectId(keep);
            updateTry();
            emit loaded();
        });
}

void ReplyRuleWidget::applyFilter()
{
    // Without "show retired", only rows whose raw status is true (active).
    m_proxy->setFilterFixedString(m_ui->showRetiredCheckBox->isChecked() ? QString() : QStringLiteral("true"));
}

const ReplyRule* ReplyRuleWidget::selectedRule() const
{
    const QModelIndex index = m_proxy->mapToSource(m_ui->ruleTableView->currentIndex());
    return index.isValid() ? m_model->itemAt(index.row()) : nullptr;
}

void ReplyRuleWidget::selectId(qint64 id)
{
    const int row = id == 0 ? -1 : m_model->rowOfId(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_ui->ruleTableView->clearSelection();
        return;
    }
    m_ui->ruleTableView->setCurrentIndex(index);
    m_ui->ruleTableView->scrollTo(index);
}

void ReplyRuleWidget::showRule(const ReplyRule* rule)
{
    if (!rule) {
        return; // keep what is being typed
    }
    m_editingId = rule->id;
    m_editingVersion = rule->version;
    m_ui->kindComboBox->setCurrentIndex(m_ui->kindComboBox->findData(int(rule->kind)));
    m_ui->patternLineEdit->setText(rule->pattern);
    m_ui->regexCheckBox->setChecked(rule->isRegex);
    m_ui->constructiveCheckBox->setChecked(rule->unlessConstructive);
    m_ui->adviceTextEdit->setPlainText(rule->advice);
    m_ui->ruleGroupBox->setTitle(rule->active ? tr("Rule %1").arg(rule->id) : tr("Rule %1 (retired)").arg(rule->id));
    FormHelpers::clearError(m_ui->ruleErrorLabel);
    updateTry();
}

void ReplyRuleWidget::newRule()
{
    m_ui->ruleTableView->clearSelection();
    m_ui->ruleTableView->setCurrentIndex(QModelIndex());
    m_editingId = 0;
    m_editingVersion = 0;
    m_ui->patternLineEdit->clear();
    m_ui->regexCheckBox->setChecked(false);
    m_ui->constructiveCheckBox->setChecked(false);
    m_ui->adviceTextEdit->clear();
    m_ui->ruleGroupBox->setTitle(tr("New rule"));
    FormHelpers::clearError(m_ui->ruleErrorLabel);
    m_ui->patternLineEdit->setFocus();
    updateButtons();
    updateTry();
}

ReplyRule ReplyRuleWidget::formRule() const
{
    ReplyRule rule;
    rule.id = m_editingId;
    rule.version = m_editingVersion;
    rule.kind = ReplyFindingKind(m_ui->kindComboBox->currentData().toInt());
    rule.pattern = m_ui->patternLineEdit->text().trimmed();
    rule.isRegex = m_ui->regexCheckBox->isChecked();
    rule.unlessConstructive = m_ui->constructiveCheckBox->isChecked();
    rule.advice = m_ui->adviceTextEdit->toPlainText().trimmed();
    return rule;
}

void ReplyRuleWidget::save()
{
    const ReplyRule rule = formRule();
    if (const QString why = ReplyRuleService::validate(rule); !why.isEmpty()) {
        FormHelpers::showError(m_ui->ruleErrorLabel, why);
        (rule.advice.isEmpty() && !rule.pattern.isEmpty() ? static_cast<QWidget*>(m_ui->adviceTextEdit)
                                                          : m_ui->patternLineEdit)
            ->setFocus();
        return;
    }
    FormHelpers::clearError(m_ui->ruleErrorLabel);
    setBusy(true);
    m_worker.run(
        this,
        [session = m_session, rule](const WorkerScope& scope) {
            ReplyRuleService service(session, scope.repos, scope.clock);
            return rule.id == 0 ? service.add(rule) : service.edit(rule);
        },
        [this, isNew = rule.id == 0](const Result<ReplyRule>& saved) {
            setBusy(false);
            if (!saved) {
                FormHelpers::showError(m_ui->ruleErrorLabel, saved.error().message);
                return;
            }
            m_editingId = saved->id;
            m_editingVersion = saved->version;
            m_selectAfterLoad = saved->id;
            showMessage(isNew ? tr("Rule %1 added.").arg(saved->id) : tr("Rule %1 saved.").arg(saved->id));
            reload();
        });
}

void ReplyRuleWidget::toggleActive()
{
    const ReplyRule* rule = selectedRule();
    if (!rule) {
        return;
    }
    setBusy(true);
    m_worker.run(
        this,
        [session = m_session, id = rule->id, version = rule->version,
         active = !rule->active](const WorkerScope& scope) {
            return ReplyRuleService(session, scope.repos, scope.clock).setActive(id, version, active);
        },
        [this](const Result<ReplyRule>& saved) {
            setBusy(false);
            if (!saved) {
                showError(saved.error().message);
                return;
            }
            m_selectAfterLoad = saved->id;
            if (!saved->active && !m_ui->showRetiredCheckBox->isChecked()) {
                m_selectAfterLoad = 0;
                newRule();
            }
            showMessage(saved->active ? tr("Rule %1 restored.").arg(saved->id)
                                      : tr("Rule %1 retired: the checker no longer applies it.").arg(saved->id));
            reload();
        });
}

void ReplyRuleWidget::updateButtons()
{
    const ReplyRule* rule = selectedRule();
    m_ui->saveButton->setEnabled(!m_busy);
    m_ui->toggleActiveButton->setEnabled(!m_busy && rule != nullptr);
    m_ui->toggleActiveButton->setText(rule && !rule->active ? tr("Re&store") : tr("&Retire"));
}

void ReplyRuleWidget::updateTry()
{
    const ReplyRule edited = formRule();
    const QString sample = m_ui->sampleTextEdit->toPlainText();
    // The active rules, with the one in the form in place of its stored version (or added, when new).
    QList<ReplyRule> rules;
    bool replaced = false;
    for (const ReplyRule& rule : std::as_const(m_all)) {
        if (rule.id != 0 && rule.id == edited.id) {
            rules.append(edited);
            replaced = true;
        } else if (rule.active) {
            rules.append(rule);
        }
    }
    const QString patternError =
        edited.pattern.isEmpty() ? QString() : ReplyChecker::patternError(edited.pattern, edited.isRegex);
    if (!replaced && !edited.pattern.isEmpty() && patternError.isEmpty() && !edited.advice.isEmpty()) {
        rules.append(edited);
    }

    m_ui->findingsListWidget->clear();
    if (!patternError.isEmpty()) {
        m_ui->ruleResultLabel->setText(tr("The pattern is not usable: %1").arg(patternError));
    } else if (edited.pattern.isEmpty() || sample.isEmpty()) {
        m_ui->ruleResultLabel->setText(sample.isEmpty() ? tr("Type a sample reply to see what the checker finds.")
                                                        : tr("Type a phrase or pattern to see what it finds."));
    } else {
        ReplyRule alone = edited;
        alone.advice = QStringLiteral("-");
        alone.unlessConstructive = false;
        QStringList words;
        bool present = false;
        if (ReplyFindingKinds::isMissing(alone.kind)) {
            present = ReplyChecker({alone}).check(sample).isEmpty();
        } else {
            for (const ReplyFinding& f : ReplyChecker({alone}).check(sample)) {
                words << f.text;
            }
        }
        if (ReplyFindingKinds::isMissing(alone.kind)) {
            m_ui->ruleResultLabel->setText(present ? tr("This rule finds its cue in the sample.")
                                                   : tr("This rule does not find its cue in the sample."));
        } else {
            m_ui->ruleResultLabel->setText(words.isEmpty()
                                               ? tr("This rule finds nothing in the sample.")
                                               : tr("This rule finds: %1").arg(words.join(QStringLiteral("、"))));
        }
    }
    if (sample.isEmpty()) {
        return;
    }
    const QList<ReplyFinding> findings = ReplyChecker(rules).check(sample);
    if (findings.isEmpty()) {
        m_ui->findingsListWidget->addItem(tr("No findings: the reply reads well."));
    }
    for (const ReplyFinding& f : findings) {
        m_ui->findingsListWidget->addItem(
            f.text.isEmpty() ? tr("%1 — %2").arg(ReplyFindingKinds::label(f.kind), f.advice)
                             : tr("%1 “%2” — %3").arg(ReplyFindingKinds::label(f.kind), f.text, f.advice));
    }
}

void ReplyRuleWidget::showMessage(const QString& message)
{
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void ReplyRuleWidget::showError(const QString& message)
{
    m_ui->messageLabel->hide();
    FormHelpers::showError(m_ui->errorLabel, message);
}

void ReplyRuleWidget::retranslate()
{
    int active = 0;
    for (const ReplyRule& rule : std::as_const(m_all)) {
        active += rule.active ? 1 : 0;
    }
    m_ui->countLabel->setText(tr("%1 active rules, %2 retired").arg(active).arg(m_all.size() - active));
    for (int i = 0; i < m_ui->kindComboBox->count(); ++i) {
        m_ui->kindComboBox->setItemText(
            i, ReplyFindingKinds::label(ReplyFindingKind(m_ui->kindComboBox->itemData(i).toInt())));
    }
    m_model->retranslate();
    updateButtons();
}

void ReplyRuleWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateTry();
    }
    QWidget::changeEvent(event);
}
