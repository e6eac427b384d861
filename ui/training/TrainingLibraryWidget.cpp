#include "training/TrainingLibraryWidget.h"

#include "cases/Intake.h"
#include "common/FormHelpers.h"
#include "training/BuildTrainingCaseDialog.h"
#include "training/TrainingCaseDialog.h"
#include "training/TrainingJobs.h"
#include "training/TrainingWidgets.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
/** A training-set file is small; anything far larger is not one. */
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;
} // namespace

TrainingLibraryWidget::TrainingLibraryWidget(Session session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    auto button = [this, buttons](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_new = button(tr("&New from closed cases…"), "newTrainingButton");
    m_edit = button(tr("&Edit…"), "editTrainingButton");
    m_delete = button(tr("&Delete"), "deleteTrainingButton");
    buttons->addStretch(1);
    m_export = button(tr("E&xport…"), "exportTrainingButton");
    m_import = button(tr("&Import…"), "importTrainingButton");
    layout->addLayout(buttons);

    auto* filters = new QHBoxLayout;
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryFilterComboBox"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_category->addItem(tr("All categories"), QString());
    auto* categoryLabel = new QLabel(tr("C&ategory:"), this);
    categoryLabel->setBuddy(m_category);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("titleFilterLineEdit"));
    m_text->setPlaceholderText(tr("Part of the title"));
    m_text->setClearButtonEnabled(true);
    m_text->setMaxLength(TrainingLimits::kTitle);
    auto* textLabel = new QLabel(tr("&Title contains:"), this);
    textLabel->setBuddy(m_text);
    filters->addWidget(categoryLabel);
    filters->addWidget(m_category);
    filters->addSpacing(12);
    filters->addWidget(textLabel);
    filters->addWidget(m_text, 1);
    layout->addLayout(filters);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDelayMs);

    m_table = TrainingWidgets::table(
        ColumnCount,
        {tr("Title"), tr("Category"), tr("Service item"), tr("Outcome"), tr("Rating"), tr("Created"), tr("Stages")},
        "trainingTableWidget", this);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);
    TrainingWidgets::addStatusLabels(layout, this, m_summary, m_error);

    connect(m_new, &QPushButton::clicked, this, &TrainingLibraryWidget::newFromClosedCases);
    connect(m_edit, &QPushButton::clicked, this, &TrainingLibraryWidget::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &TrainingLibraryWidget::deleteSelected);
    connect(m_export, &QPushButton::clicked, this, &TrainingLibraryWidget::exportSelected);
    connect(m_import, &QPushButton::clicked, this, &TrainingLibraryWidget::importChosen);
    connect(m_table, &QTableWidget::doubleClicked, this, &TrainingLibraryWidget::editCurrent);
    m_table->installEventFilter(this);
    // Typing waits for a pause; the category, Enter and the clear button read at once.
    connect(m_text, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, &TrainingLibraryWidget::reload);
    connect(m_text, &QLineEdit::returnPressed, this, &TrainingLibraryWidget::reload);
    connect(m_category, &QComboBox::activated, this, &TrainingLibraryWidget::reload);
}

bool TrainingLibraryWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        deleteSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

TrainingFilter TrainingLibraryWidget::filter() const
{
    TrainingFilter f;
    f.category = m_category->currentData().toString();
    f.text = m_text->text().trimmed();
    return f;
}

void TrainingLibraryWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        reload();
    }
}

void TrainingLibraryWidget::reload()
{
    m_filterTimer->stop();
    m_loadedOnce = true;
    m_loading = true;
    ++m_listRequests;
    m_summary->setText(tr("Loading…"));
    const TrainingFilter wanted = filter();
    m_worker.runLatest(this, m_latest, TrainingJobs::library(m_session, wanted),
                       [this, wanted](const Result<TrainingJobs::Library>& found) {
                           m_loading = false;
                           if (!found) {
                               m_summary->clear();
                               FormHelpers::showError(m_error, found.error().message);
                               emit loaded();
                               return;
                           }
                           m_items = found->items;
                           m_shownFilter = wanted;
                           showCategories(found->categories);
                           showItems();
                           emit loaded();
                       });
}

void TrainingLibraryWidget::showCategories(const QStringList& categories)
{
    const QString chosen = m_category->currentData().toString();
    QStringList names = categories;
    // A category chosen but gone from the library (its last case deleted) stays until the trainer changes it.
    if (!chosen.isEmpty() && !names.contains(chosen)) {
        names.prepend(chosen);
    }
    m_category->blockSignals(true);
    while (m_category->count() > 1) {
        m_category->removeItem(1);
    }
    for (const QString& name : names) {
        m_category->addItem(name, name);
    }
    m_category->setCurrentIndex(std::max(0, m_category->findData(chosen)));
    m_category->blockSignals(false);
}

void TrainingLibraryWidget::showItems()
{
    m_table->setRowCount(int(m_items.size()));
    for (int row = 0; row < m_items.size(); ++row) {
        const TrainingSummary& s = m_items.at(row);
        const auto outcome = IntakeCodes::reasonablenessFromCode(s.outcome);
        const QStringList cells{s.title,
                                s.category,
                                s.serviceItem,
                                outcome ? IntakeCodes::label(*outcome) : FormHelpers::dash(),
                                s.rating ? QString::number(*s.rating) : FormHelpers::dash(),
                                FormHelpers::dateTime(s.createdAt),
                                QString::number(s.stageCount)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, s.id);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    const bool filtered = !m_shownFilter.category.isEmpty() || !m_shownFilter.text.isEmpty();
    if (!m_items.isEmpty()) {
        m_summary->setText(tr("%n training case(s)", nullptr, int(m_items.size())));
    } else if (filtered) {
        m_summary->setText(tr("No training case matches the filter."));
    } else {
        m_summary->setText(tr("The library is empty: build a training case with “New from closed cases…” or import "
                              "a training set."));
    }
}

QList<qint64> TrainingLibraryWidget::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) {
        ids.append(index.data(Qt::UserRole).toLongLong());
    }
    if (ids.isEmpty() && m_table->currentIndex().isValid()) {
        ids.append(m_table->currentIndex().siblingAtColumn(Title).data(Qt::UserRole).toLongLong());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

BuildTrainingCaseDialog* TrainingLibraryWidget::newFromClosedCases()
{
    auto* dialog = new BuildTrainingCaseDialog(m_session, m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BuildTrainingCaseDialog::built, this, [this](const TrainingCase& made) {
        reload();
        editCase(made.id);
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

TrainingCaseDialog* TrainingLibraryWidget::editCase(qint64 id)
{
    auto* dialog = new TrainingCaseDialog(m_session, m_worker, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TrainingCaseDialog::saved, this, &TrainingLibraryWidget::reload);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

void TrainingLibraryWidget::editCurrent()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        FormHelpers::showError(m_error, tr("Choose a training case in the library first."));
        return;
    }
    editCase(ids.first());
}

void TrainingLibraryWidget::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        FormHelpers::showError(m_error, tr("Choose a training case in the library first."));
        return;
    }
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Delete training cases"),
        tr("Delete %n training case(s)? Drill results already recorded stay.", nullptr, int(ids.size())),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteTrainingMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, ids](int answer) {
        if (answer != QMessageBox::Yes) {
            return;
        }
        FormHelpers::clearError(m_error);
        for (qint64 id : ids) {
            m_worker.run(this, TrainingJobs::remove(m_session, id), [this](const Result<bool>& done) {
                if (!done) {
                    FormHelpers::showError(m_error, done.error().message);
                }
            });
        }
        reload(); // queued after the deletions on the same worker
    });
    box->open();
}

void TrainingLibraryWidget::report(bool ok, const QString& message)
{
    if (ok) {
        FormHelpers::clearError(m_error);
        m_summary->setText(message);
    } else {
        FormHelpers::showError(m_error, message);
    }
    emit fileDone(ok, message);
}

void TrainingLibraryWidget::exportSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        FormHelpers::showError(m_error, tr("Choose the training cases to export first."));
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export training set"), QStringLiteral("training-set.json"),
                                     tr("Training sets (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        exportTo(path, ids);
    }
}

void TrainingLibraryWidget::exportTo(const QString& path, const QList<qint64>& ids)
{
    m_worker.run(this, TrainingJobs::exportSet(m_session, ids), [this, path, ids](const Result<QByteArray>& bytes) {
        if (!bytes) {
            report(false, bytes.error().message);
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
            report(false, tr("The training set could not be written to %1: %2").arg(path, file.errorString()));
            return;
        }
        report(true, tr("%n training case(s) exported to %1.", nullptr, int(ids.size())).arg(path));
    });
}

void TrainingLibraryWidget::importChosen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import training set"), QString(),
                                                      tr("Training sets (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        importFrom(path);
    }
}

void TrainingLibraryWidget::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report(false, tr("The file %1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    if (file.size() > kMaxFileBytes) {
        report(false, tr("The file %1 is too large to be a training set.").arg(path));
        return;
    }
    const QByteArray bytes = file.readAll();
    m_worker.run(this, TrainingJobs::importSet(m_session, bytes), [this](const Result<QList<qint64>>& ids) {
        if (!ids) {
            report(false, ids.error().message);
            return;
        }
        reload();
        report(true, tr("%n training case(s) imported.", nullptr, int(ids->size())));
    });
}
