#include "cases/CaseClocksWidget.h"

#include "ui_CaseClocksWidget.h"

#include "cases/PauseClocksDialog.h"
#include "common/FormHelpers.h"
#include "workers/DatabaseWorker.h"

#include <QDateTime>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QMetaObject>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyle>
#include <QStyledItemDelegate>

#include <algorithm>

namespace {
/** Colour never carries the state alone: the icon and the text say it too. */
QColor stateColour(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Overdue:
    case SlaClock::State::Error:
        return QColor(0xb0, 0x00, 0x20);
    case SlaClock::State::Near:
    case SlaClock::State::Late:
        return QColor(0x9a, 0x5b, 0x00);
    case SlaClock::State::Met:
        return QColor(0x1b, 0x6e, 0x20);
    default:
        return {};
    }
}

constexpr int kClockColumn = 0;
constexpr int kStateColumn = 1;
constexpr int kDueColumn = 2;
constexpr int kWhyColumn = 3;

/**
 * QTreeView asks its delegate for row heights without the column's width, so wrapped text would keep one line's
 * height: this delegate measures each cell wrapped to its column.
 */
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeWidget* tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
    {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() == kStateColumn) { // sized to its contents: one line, never wrapped
            return QStyledItemDelegate::sizeHint(option, index);
        }
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.features |= QStyleOptionViewItem::WrapText;
        opt.rect = QRect(0, 0, m_tree->header()->sectionSize(index.column()), 1); // valid, so the style wraps
        const QWidget* widget = opt.widget ? opt.widget : m_tree;
        return widget->style()->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
    }

private:
    QTreeWidget* m_tree;
};

QStyle::StandardPixmap stateIcon(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Overdue:
    case SlaClock::State::Error:
        return QStyle::SP_MessageBoxCritical;
    case SlaClock::State::Near:
    case SlaClock::State::Late:
        return QStyle::SP_MessageBoxWarning;
    case SlaClock::State::Paused:
        return QStyle::SP_MediaPause;
    case SlaClock::State::Met:
        return QStyle::SP_DialogApplyButton;
    case SlaClock::State::Running:
        return QStyle::SP_MediaPlay;
    }
    return QStyle::SP_MediaPlay;
}
} // namespace

CaseClocksWidget::CaseClocksWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseClocksWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    // The explanation ("due …: 48 h from receipt, plus 2 h paused") is what a clerk reads to answer a citizen: it
    // wraps in the column that takes the rest of the width, the rows grow to fit it, and the table is as tall as its
    // rows, so neither a horizontal nor a vertical scroll bar hides part of a deadline.
    QTreeWidget* tree = m_ui->clocksTreeWidget;
    tree->setWordWrap(true);
    tree->setItemDelegate(new WrappingDelegate(tree));
    tree->setUniformRowHeights(false);
    tree->setTextElideMode(Qt::ElideNone);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* header = tree->header();
    // fitRows() gives the widths: the header's own stretch keeps a last section of at least its default size.
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(tree->fontMetrics().averageCharWidth() * 4);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(kStateColumn, QHeaderView::ResizeToContents);
    m_ui->pauseButton->setVisible(m_session.can(Permission::WorkCase));
    connect(m_ui->pauseButton, &QPushButton::clicked, this, &CaseClocksWidget::pauseOrResume);
    FormHelpers::clearError(m_ui->errorLabel);
    updateButton();
}

CaseClocksWidget::~CaseClocksWidget() = default;

QString CaseClocksWidget::stateText(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Running:
        return tr("Running");
    case SlaClock::State::Near:
        return tr("Due soon");
    case SlaClock::State::Overdue:
        return tr("Overdue");
    case SlaClock::State::Paused:
        return tr("Paused");
    case SlaClock::State::Met:
        return tr("Met");
    case SlaClock::State::Late:
        return tr("Met late");
    case SlaClock::State::Error:
        return tr("Cannot be computed");
    }
    return {};
}

void CaseClocksWidget::setCase(const Case& c)
{
    m_case = c;
    reload();
}

void CaseClocksWidget::reload()
{
    if (m_case.id == 0) {
        m_clocks.clear();
        m_pauses.clear();
        showClocks();
        return;
    }
    m_busy = true;
    updateButton();
    m_worker.runLatest(
        this, m_request,
        [session = m_session, id = m_case.id](const WorkerScope& scope) {
            return SlaService(session, scope.repos, scope.clock).clocks(id);
        },
        [this](const Result<SlaService::CaseClocks>& result) { show(result); });
}

void CaseClocksWidget::show(const Result<SlaService::CaseClocks>& result)
{
    m_busy = false;
    if (!result) {
        FormHelpers::showError(m_ui->errorLabel, result.error().message);
        m_clocks.clear();
        m_pauses.clear();
    } else {
        FormHelpers::clearError(m_ui->errorLabel);
        m_case = result->value;
        m_clocks = result->clocks;
        m_pauses = result->pauses;
    }
    showClocks();
    updateButton();
    emit loaded();
}

void CaseClocksWidget::showClocks()
{
    m_ui->clocksTreeWidget->clear();
    for (const SlaClock& clock : m_clocks) {
        QString due = FormHelpers::dateTime(clock.due);
        if (clock.state == SlaClock::State::Paused) {
            due = tr("%1 if resumed now").arg(due);
        } else if (clock.stoppedAt.isValid()) {
            due = tr("%1 (done %2)").arg(due, FormHelpers::dateTime(clock.stoppedAt));
        }
        auto* item = new QTreeWidgetItem(
            m_ui->clocksTreeWidget, {SlaClockKinds::label(clock.kind), stateText(clock.state), due, clock.explanation});
        item->setIcon(1, style()->standardIcon(stateIcon(clock.state)));
        if (const QColor colour = stateColour(clock.state); colour.isValid()) {
            item->setForeground(1, colour);
        }
        item->setData(0, Qt::UserRole, SlaClockKinds::code(clock.kind));
        item->setToolTip(3, clock.explanation);
    }
    scheduleFit();
    QString pauseText;
    for (const SlaPause& p : m_pauses) {
        if (p.isOpen()) {
            pauseText = tr("Clocks paused since %1 (%2): %3")
                            .arg(FormHelpers::dateTime(p.from), SlaPauseKinds::label(p.kind), p.reason);
        }
    }
    m_ui->pauseLabel->setText(pauseText);
    m_ui->pauseLabel->setVisible(!pauseText.isEmpty());
}

void CaseClocksWidget::scheduleFit()
{
    if (!m_fitPending) {
        m_fitPending = true;
        QMetaObject::invokeMethod(this, &CaseClocksWidget::fitRows, Qt::QueuedConnection);
    }
}

void CaseClocksWidget::fitRows()
{
    m_fitPending = false;
    QTreeWidget* tree = m_ui->clocksTreeWidget;
    // The clock's name and the due time wrap too when long ("… (done …)"): each gets at most some 30 % of what the
    // state leaves, so the explanation keeps the larger part of the width however narrow the case view is.
    const QFontMetrics metrics = tree->fontMetrics();
    const int padding = 2 * (tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1) + 6;
    const auto widest = [&](int column) {
        int width = metrics.horizontalAdvance(tree->headerItem()->text(column));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            width = std::max(width, metrics.horizontalAdvance(tree->topLevelItem(i)->text(column)));
        }
        return width + padding;
    };
    const int rest = tree->viewport()->width() - tree->header()->sectionSize(kStateColumn);
    const int share = std::max(rest * 3 / 10, metrics.averageCharWidth() * 6);
    tree->header()->resizeSection(kClockColumn, std::min(widest(kClockColumn), share));
    tree->header()->resizeSection(kDueColumn, std::min(widest(kDueColumn), share));
    tree->header()->resizeSection(
        kWhyColumn, std::max(tree->header()->minimumSectionSize(), rest - tree->header()->sectionSize(kClockColumn) -
                                                                       tree->header()->sectionSize(kDueColumn)));
    tree->doItemsLayout(); // row heights again, for the columns' present widths
    int height = tree->header()->isVisible() ? tree->header()->height() : 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        height += tree->visualItemRect(tree->topLevelItem(i)).height();
    }
    if (tree->topLevelItemCount() == 0) {
        height += tree->fontMetrics().height() * 2;
    }
    tree->setFixedHeight(height + 2 * tree->frameWidth());
}

void CaseClocksWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scheduleFit();
}

void CaseClocksWidget::updateButton()
{
    const bool paused = m_case.pausedAt.isValid();
    m_ui->pauseButton->setText(paused ? tr("Resume clocks…") : tr("Pause clocks…"));
    m_ui->pauseButton->setEnabled(!m_busy && m_case.id != 0 && (paused || CaseStatuses::isOpen(m_case.status)));
}

void CaseClocksWidget::pauseOrResume()
{
    if (m_case.id == 0 || m_busy) {
        return;
    }
    const auto mode = m_case.pausedAt.isValid() ? PauseClocksDialog::Mode::Resume : PauseClocksDialog::Mode::Pause;
    auto* dialog = new PauseClocksDialog(mode, m_session, m_worker, m_case, this);
    dialog->setObjectName(QStringLiteral("pauseClocksDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& updated = dialog->updatedCase()) {
            m_case = *updated;
            reload();
            emit caseChanged(*updated);
        }
    });
    dialog->open();
}

void CaseClocksWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showClocks();
        updateButton();
    }
    QWidget::changeEvent(event);
}
