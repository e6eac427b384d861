#include "crisis/CrisisReviewDialog.h"

#include "common/FormHelpers.h"
#include "crisis/CrisisJobs.h"
#include "workers/DatabaseWorker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    LessonColumn,
    ActionColumn,
    OwnerColumn,
    DeadlineColumn,
    ColumnCount,
};
} // namespace

CrisisReviewDialog::CrisisReviewDialog(Session session, DatabaseWorker& worker, CrisisDetail detail, QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_detail(std::move(detail))
{
    setObjectName(QStringLiteral("crisisReviewDialog"));
    setWindowTitle(tr("Post-crisis review: %1").arg(m_detail.crisis.title));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_happened = new QPlainTextEdit(this);
    m_happened->setObjectName(QStringLiteral("whatHappenedTextEdit"));
    m_worked = new QPlainTextEdit(this);
    m_worked->setObjectName(QStringLiteral("whatWorkedTextEdit"));
    m_didNot = new QPlainTextEdit(this);
    m_didNot->setObjectName(QStringLiteral("whatDidNotTextEdit"));
    for (QPlainTextEdit* e : {m_happened, m_worked, m_didNot}) {
        e->setTabChangesFocus(true);
        e->setMaximumHeight(90);
    }
    form->addRow(tr("What &happened:"), m_happened);
    form->addRow(tr("What &worked:"), m_worked);
    form->addRow(tr("What did &not work:"), m_didNot);
    layout->addLayout(form);
    layout->addWidget(
        new QLabel(tr("Lessons (tick one to make it an improvement action of the department chosen):"), this));
    m_lessons = new QTableWidget(0, ColumnCount, this);
    m_lessons->setObjectName(QStringLiteral("lessonsTable"));
    m_lessons->setHorizontalHeaderLabels({tr("Lesson"), tr("Action"), tr("Owner department"), tr("Deadline")});
    m_lessons->horizontalHeader()->setSectionResizeMode(LessonColumn, QHeaderView::Stretch);
    m_lessons->verticalHeader()->hide();
    layout->addWidget(m_lessons, 1);
    m_addLesson = new QPushButton(tr("&Add lesson"), this);
    m_addLesson->setObjectName(QStringLiteral("addLessonButton"));
    m_addLesson->setAutoDefault(false);
    layout->addWidget(m_addLesson, 0, Qt::AlignLeft);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CrisisReviewDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CrisisReviewDialog::reject);
    connect(m_addLesson, &QPushButton::clicked, this, &CrisisReviewDialog::addLesson);
    resize(760, 560);

    m_worker.run(this, CrisisJobs::departments(m_session), [this](const Result<QList<ReferenceItem>>& items) {
        if (!items) {
            FormHelpers::showError(m_error, items.error().message);
            return;
        }
        for (const ReferenceItem& item : *items) {
            m_departments.append({item.name, item.id});
        }
        for (int row = 0; row < m_lessons->rowCount(); ++row) {
            auto* combo = qobject_cast<QComboBox*>(m_lessons->cellWidget(row, OwnerColumn));
            if (combo && combo->count() == 0) {
                for (const auto& d : m_departments) {
                    combo->addItem(d.first, d.second);
                }
            }
        }
    });
    addLesson();
}

CrisisReviewDialog::~CrisisReviewDialog() = default;

void CrisisReviewDialog::addLesson()
{
    const int row = m_lessons->rowCount();
    m_lessons->insertRow(row);
    m_lessons->setItem(row, LessonColumn, new QTableWidgetItem);
    auto* action = new QTableWidgetItem;
    action->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    action->setCheckState(Qt::Unchecked);
    m_lessons->setItem(row, ActionColumn, action);
    auto* owner = new QComboBox(m_lessons);
    owner->setObjectName(QStringLiteral("ownerComboBox_%1").arg(row));
    for (const auto& d : m_departments) {
        owner->addItem(d.first, d.second);
    }
    m_lessons->setCellWidget(row, OwnerColumn, owner);
    auto* deadline = new QDateEdit(QDate::currentDate().addDays(30), m_lessons);
    deadline->setObjectName(QStringLiteral("deadlineDateEdit_%1").arg(row));
    deadline->setCalendarPopup(true);
    deadline->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_lessons->setCellWidget(row, DeadlineColumn, deadline);
    m_lessons->setCurrentCell(row, LessonColumn);
}

CrisisReviewDraft CrisisReviewDialog::draft() const
{
    CrisisReviewDraft d;
    d.whatHappened = m_happened->toPlainText();
    d.whatWorked = m_worked->toPlainText();
    d.whatDidNot = m_didNot->toPlainText();
    for (int row = 0; row < m_lessons->rowCount(); ++row) {
        CrisisLessonDraft l;
        const QTableWidgetItem* text = m_lessons->item(row, LessonColumn);
        l.text = text ? text->text() : QString();
        const QTableWidgetItem* action = m_lessons->item(row, ActionColumn);
        l.makeAction = action && action->checkState() == Qt::Checked;
        if (const auto* owner = qobject_cast<QComboBox*>(m_lessons->cellWidget(row, OwnerColumn))) {
            l.ownerDepartmentId = owner->currentData().toLongLong();
        }
        if (const auto* deadline = qobject_cast<QDateEdit*>(m_lessons->cellWidget(row, DeadlineColumn))) {
            l.deadline = deadline->date();
        }
        d.lessons << l;
    }
    return d;
}

void CrisisReviewDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_buttons->setEnabled(!saving);
    m_addLesson->setEnabled(!saving);
    if (saving) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void CrisisReviewDialog::accept()
{
    if (m_saving) {
        return;
    }
    setSaving(true);
    m_worker.run(this, CrisisJobs::review(m_session, m_detail.crisis.id, draft()),
                 [this](const Result<CrisisDetail>& result) {
                     setSaving(false);
                     if (!result) {
                         FormHelpers::showError(m_error, result.error().message);
                         return;
                     }
                     emit reviewed(*result);
                     QDialog::accept();
                 });
}
