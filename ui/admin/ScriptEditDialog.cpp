#include "admin/ScriptEditDialog.h"

#include "ui_ScriptEditDialog.h"

#include "admin/ScriptTableModel.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/ScriptService.h"

#include <QPushButton>

namespace {
/** Selects the combo entry whose data equals `value`, if there is one. */
void selectData(QComboBox* combo, const QVariant& value)
{
    const int index = combo->findData(value);
    if (index >= 0) {
        combo->setCurrentIndex(index);
    }
}

/** The emotion entry's data: -1 for every level. */
QVariant emotionData(const std::optional<EmotionLevel>& emotion)
{
    return emotion ? static_cast<int>(*emotion) : -1;
}
} // namespace

ScriptEditDialog::ScriptEditDialog(const Session& session, DatabaseWorker& worker,
                                   const QList<ReferenceItem>& categories,
                                   const std::optional<ScriptTemplate>& existing, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ScriptEditDialog>())
    , m_session(session)
    , m_worker(worker)
    , m_categories(categories)
    , m_existing(existing)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(560);
    for (const QString& name : ScriptPlaceholders::known()) {
        m_ui->placeholderComboBox->addItem(QStringLiteral("{%1}").arg(name), name);
    }
    retranslate();
    if (m_existing) {
        selectData(m_ui->stepComboBox, static_cast<int>(m_existing->step));
        selectData(m_ui->categoryComboBox, m_existing->categoryId);
        selectData(m_ui->emotionComboBox, emotionData(m_existing->emotion));
        m_ui->titleLineEdit->setText(m_existing->title);
        m_ui->bodyPlainTextEdit->setPlainText(m_existing->body);
    }
    updatePreview();
    m_ui->stepComboBox->setFocus();
    connect(m_ui->bodyPlainTextEdit, &QPlainTextEdit::textChanged, this, [this] {
        // A refusal speaks of the text as it was: it goes once the text changes.
        if (!m_busy->isBusy()) {
            FormHelpers::clearError(m_ui->errorLabel);
        }
        updatePreview();
    });
    connect(m_ui->insertPlaceholderButton, &QPushButton::clicked, this, &ScriptEditDialog::insertPlaceholder);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ScriptEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ScriptEditDialog::reject);
}

ScriptEditDialog::~ScriptEditDialog() = default;

QHash<QString, QString> ScriptEditDialog::sampleValues()
{
    return {{QStringLiteral("称呼"), tr("Ms Zhang")},
            {QStringLiteral("事项"), tr("social insurance transfer")},
            {QStringLiteral("承诺时间"), tr("5 pm on 2 December")},
            {QStringLiteral("案件编号"), QStringLiteral("TS-20261130-0007")},
            {QStringLiteral("窗口"), tr("window 3")},
            {QStringLiteral("部门"), tr("the social insurance section")},
            {QStringLiteral("受理时间"), tr("this morning at ten")},
            {QStringLiteral("诉求"), tr("to have the transfer done today")},
            {QStringLiteral("步骤"), tr("we check the records and call you back")},
            {QStringLiteral("大厅"), tr("the city service hall")},
            {QStringLiteral("电话"), QStringLiteral("12345")},
            {QStringLiteral("类别"), tr("service attitude")},
            {QStringLiteral("事实"), tr("you waited 40 minutes and were sent to another window")},
            {QStringLiteral("影响"), tr("you had to take half a day off work")},
            {QStringLiteral("处理结果"), tr("the transfer was completed on the same day")}};
}

void ScriptEditDialog::fillCombos()
{
    const QVariant step = m_ui->stepComboBox->currentData();
    const QVariant category = m_ui->categoryComboBox->currentData();
    const QVariant emotion = m_ui->emotionComboBox->currentData();

    m_ui->stepComboBox->clear();
    for (ScriptStep s : IntakeCodes::scriptSteps()) {
        m_ui->stepComboBox->addItem(IntakeCodes::label(s), static_cast<int>(s));
    }
    m_ui->categoryComboBox->clear();
    m_ui->categoryComboBox->addItem(tr("Every category"), qint64(0));
    const QHash<qint64, QString> names = ScriptTableModel::categoryNames(m_categories);
    for (const ReferenceItem& c : m_categories) {
        const bool own = m_existing && m_existing->categoryId == c.id;
        if (c.active || own) {
            m_ui->categoryComboBox->addItem(names.value(c.id), c.id);
        }
    }
    m_ui->emotionComboBox->clear();
    m_ui->emotionComboBox->addItem(tr("Every emotion level"), -1);
    for (EmotionLevel e : IntakeCodes::emotionLevels()) {
        m_ui->emotionComboBox->addItem(IntakeCodes::label(e), static_cast<int>(e));
    }
    selectData(m_ui->stepComboBox, step);
    selectData(m_ui->categoryComboBox, category);
    selectData(m_ui->emotionComboBox, emotion);
}

void ScriptEditDialog::retranslate()
{
    fillCombos();
    setWindowTitle(m_existing ? tr("Edit response script") : tr("Add response script"));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(m_existing ? tr("&Save") : tr("&Add script"));
    updatePreview();
}

void ScriptEditDialog::updatePreview()
{
    const QString body = m_ui->bodyPlainTextEdit->toPlainText();
    m_ui->previewLabel->setText(body.trimmed().isEmpty() ? tr("(no text yet)")
                                                         : ScriptPlaceholders::fill(body, sampleValues()));
    const QStringList unknown = ScriptPlaceholders::unknownIn(body);
    QStringList braced;
    for (const QString& name : unknown) {
        braced << QStringLiteral("{%1}").arg(name);
    }
    m_ui->unknownPlaceholderLabel->setText(
        tr("Qingting cannot fill in %1: the clerk would see it as it is. Use one of the placeholders offered below "
           "the text.")
            .arg(braced.join(QLatin1String(" "))));
    m_ui->unknownPlaceholderLabel->setVisible(!unknown.isEmpty());
}

void ScriptEditDialog::insertPlaceholder()
{
    const QString name = m_ui->placeholderComboBox->currentData().toString();
    if (!name.isEmpty()) {
        m_ui->bodyPlainTextEdit->insertPlainText(QStringLiteral("{%1}").arg(name));
    }
    m_ui->bodyPlainTextEdit->setFocus();
}

void ScriptEditDialog::preset(std::optional<ScriptStep> step, qint64 categoryId)
{
    if (step) {
        selectData(m_ui->stepComboBox, static_cast<int>(*step));
    }
    selectData(m_ui->categoryComboBox, categoryId);
}

ScriptTemplate ScriptEditDialog::edited() const
{
    ScriptTemplate s = m_existing.value_or(ScriptTemplate{});
    s.step = static_cast<ScriptStep>(m_ui->stepComboBox->currentData().toInt());
    s.categoryId = m_ui->categoryComboBox->currentData().toLongLong();
    const int emotion = m_ui->emotionComboBox->currentData().toInt();
    s.emotion = emotion < 0 ? std::nullopt : std::optional<EmotionLevel>(static_cast<EmotionLevel>(emotion));
    s.title = m_ui->titleLineEdit->text();
    s.body = m_ui->bodyPlainTextEdit->toPlainText();
    return s;
}

void ScriptEditDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    const ScriptTemplate script = edited();
    if (const auto problem = ScriptService::invalid(script)) {
        FormHelpers::showError(m_ui->errorLabel, problem->message);
        (script.title.trimmed().isEmpty() ? static_cast<QWidget*>(m_ui->titleLineEdit)
                                          : static_cast<QWidget*>(m_ui->bodyPlainTextEdit))
            ->setFocus();
        return;
    }
    const bool adding = !m_existing.has_value();
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, script, adding](const WorkerScope& scope) {
            ScriptService scripts(session, scope.repos, scope.clock);
            return adding ? scripts.add(script) : scripts.update(script);
        },
        [this](const ScriptTemplate& saved) {
            m_saved = saved;
            QDialog::accept();
        });
}

void ScriptEditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
