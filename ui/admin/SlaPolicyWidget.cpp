#include "admin/SlaPolicyWidget.h"

#include "ui_SlaPolicyWidget.h"

#include "common/FormHelpers.h"
#include "services/ReferenceService.h"
#include "services/SlaService.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace {
constexpr int kIdRole = Qt::UserRole;
}

SlaPolicyWidget::SlaPolicyWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SlaPolicyWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_ui->categoriesTableWidget->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_ui->reloadButton, &QPushButton::clicked, this, &SlaPolicyWidget::reload);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &SlaPolicyWidget::save);
    connect(m_ui->workingHoursCheckBox, &QCheckBox::toggled, this, &SlaPolicyWidget::updateEnabled);
    connect(m_ui->noRatingCheckBox, &QCheckBox::toggled, this, &SlaPolicyWidget::updateEnabled);
    FormHelpers::clearError(m_ui->messageLabel);
    reload();
}

SlaPolicyWidget::~SlaPolicyWidget() = default;

std::optional<QList<SlaPolicy::Period>> SlaPolicyWidget::parsePeriods(const QString& text)
{
    static const QRegularExpression period(QStringLiteral("^\\s*(\\d{1,2}:\\d{2})\\s*[-–~]\\s*(\\d{1,2}:\\d{2})\\s*$"));
    QList<SlaPolicy::Period> result;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,，;；]")), Qt::SkipEmptyParts)) {
        const auto match = period.match(part);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
        const QTime from =
            QTime::fromString(match.captured(1).rightJustified(5, QLatin1Char('0')), QStringLiteral("HH:mm"));
        const QTime to =
            QTime::fromString(match.captured(2).rightJustified(5, QLatin1Char('0')), QStringLiteral("HH:mm"));
        if (!from.isValid() || !to.isValid()) {
            return std::nullopt;
        }
        result.append({from, to});
    }
    return result;
}

QString SlaPolicyWidget::periodsText(const QList<SlaPolicy::Period>& periods)
{
    QStringList parts;
    for (const auto& p : periods) {
        parts << p.from.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + p.to.toString(QStringLiteral("HH:mm"));
    }
    return parts.join(QStringLiteral(", "));
}

void SlaPolicyWidget::reload()
{
    setBusy(true);
    FormHelpers::clearError(m_ui->messageLabel);
    m_worker.runLatest(
        this, m_request,
        [session = m_session](const WorkerScope& scope) -> Result<Loaded> {
            auto policy = SlaService(session, scope.repos, scope.clock).policy();
            if (!policy) {
                return policy.error();
            }
            auto categories = ReferenceService(session, scope.repos, scope.clock).list(ReferenceKind::Category);
            if (!categories) {
                return categories.error();
            }
            Loaded loaded{*policy, {}};
            for (const ReferenceItem& item : *categories) {
                if (item.parentId == 0) {
                    loaded.categories.append(item);
                }
            }
            return loaded;
        },
        [this](const Result<Loaded>& result) {
            setBusy(false);
            if (!result) {
                FormHelpers::showError(m_ui->messageLabel, result.error().message);
            } else {
                m_categories = result->categories;
                showPolicy(result->policy);
            }
            emit loaded();
        });
}

void SlaPolicyWidget::showPolicy(const SlaPolicy& p)
{
    m_ui->acknowledgeSpinBox->setValue(p.acknowledgeMinutes);
    m_ui->answerSpinBox->setValue(p.answerHours);
    m_ui->resolveSpinBox->setValue(p.resolveWorkingDays);
    m_ui->rectifySpinBox->setValue(p.rectifyWorkingDays);
    m_ui->secondFollowUpSpinBox->setValue(p.secondFollowUpWorkingDays);
    m_ui->workingHoursCheckBox->setChecked(p.workingHoursMode);
    m_ui->periodsLineEdit->setText(periodsText(p.workingPeriods));
    m_ui->nearSpinBox->setValue(p.nearDeadlineMinutes);
    m_ui->transferSpinBox->setValue(p.transferFlagThreshold);
    m_ui->unreachableSpinBox->setValue(p.unreachableAfterAttempts);
    m_ui->noRatingCheckBox->setChecked(p.noRatingRuleEnabled);
    m_ui->noRatingDaysSpinBox->setValue(p.noRatingDays);
    m_ui->noRatingLevelSpinBox->setValue(p.noRatingLevel);
    m_ui->strictGoldenHourCheckBox->setChecked(p.crisisGoldenHours == 1); // crisis (issue 16)
    auto* table = m_ui->categoriesTableWidget;
    table->setRowCount(int(m_categories.size()));
    for (int row = 0; row < m_categories.size(); ++row) {
        const ReferenceItem& item = m_categories.at(row);
        auto* name = new QTableWidgetItem(item.name);
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(kIdRole, item.id);
        table->setItem(row, 0, name);
        auto* days = new QSpinBox(table);
        days->setRange(0, 120);
        days->setSpecialValueText(tr("general target"));
        days->setValue(p.resolveWorkingDaysByCategory.value(item.id, 0));
        days->setAccessibleName(tr("Resolution of %1, working days").arg(item.name));
        table->setCellWidget(row, 1, days);
    }
    updateEnabled();
}

SlaPolicy SlaPolicyWidget::formPolicy() const
{
    SlaPolicy p;
    p.acknowledgeMinutes = m_ui->acknowledgeSpinBox->value();
    p.answerHours = m_ui->answerSpinBox->value();
    p.resolveWorkingDays = m_ui->resolveSpinBox->value();
    p.rectifyWorkingDays = m_ui->rectifySpinBox->value();
    p.secondFollowUpWorkingDays = m_ui->secondFollowUpSpinBox->value();
    p.workingHoursMode = m_ui->workingHoursCheckBox->isChecked();
    p.workingPeriods = parsePeriods(m_ui->periodsLineEdit->text()).value_or(QList<SlaPolicy::Period>());
    p.nearDeadlineMinutes = m_ui->nearSpinBox->value();
    p.transferFlagThreshold = m_ui->transferSpinBox->value();
    p.unreachableAfterAttempts = m_ui->unreachableSpinBox->value();
    p.noRatingRuleEnabled = m_ui->noRatingCheckBox->isChecked();
    p.noRatingDays = m_ui->noRatingDaysSpinBox->value();
    p.noRatingLevel = m_ui->noRatingLevelSpinBox->value();
    p.crisisGoldenHours = m_ui->strictGoldenHourCheckBox->isChecked() ? 1 : 4; // crisis (issue 16)
    const auto* table = m_ui->categoriesTableWidget;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* days = qobject_cast<const QSpinBox*>(table->cellWidget(row, 1));
        if (days && days->value() > 0) {
            p.resolveWorkingDaysByCategory.insert(table->item(row, 0)->data(kIdRole).toLongLong(), days->value());
        }
    }
    return p;
}

void SlaPolicyWidget::save()
{
    if (m_busy) {
        return;
    }
    FormHelpers::clearError(m_ui->messageLabel);
    if (!parsePeriods(m_ui->periodsLineEdit->text())) {
        FormHelpers::showError(m_ui->messageLabel, tr("Write the working periods as 09:00-12:00, 13:30-17:30."));
        m_ui->periodsLineEdit->setFocus();
        return;
    }
    setBusy(true);
    m_worker.run(
        this,
        [session = m_session, policy = formPolicy()](const WorkerScope& scope) {
            return SlaService(session, scope.repos, scope.clock).savePolicy(policy);
        },
        [this](const Status& status) {
            setBusy(false);
            if (!status) {
                FormHelpers::showError(m_ui->messageLabel, status.error().message);
                return;
            }
            m_ui->messageLabel->setText(tr("The deadline rules were saved."));
            m_ui->messageLabel->setVisible(true);
            emit saved();
        });
}

void SlaPolicyWidget::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->saveButton->setEnabled(!busy);
    m_ui->reloadButton->setEnabled(!busy);
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void SlaPolicyWidget::updateEnabled()
{
    m_ui->periodsLineEdit->setEnabled(m_ui->workingHoursCheckBox->isChecked());
    m_ui->noRatingDaysSpinBox->setEnabled(m_ui->noRatingCheckBox->isChecked());
    m_ui->noRatingLevelSpinBox->setEnabled(m_ui->noRatingCheckBox->isChecked());
}

void SlaPolicyWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
    }
    QWidget::changeEvent(event);
}
