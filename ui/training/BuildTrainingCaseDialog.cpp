#include "training/BuildTrainingCaseDialog.h"

#include "cases/Intake.h"
#include "common/FormHelpers.h"
#include "risk/RiskResult.h"
#include "training/TrainingJobs.h"
#include "training/TrainingWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

BuildTrainingCaseDialog::BuildTrainingCaseDialog(Session session, DatabaseWorker& worker, QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_worker(worker)
{
    setWindowTitle(tr("New training case from a closed case"));
    resize(900, 520);
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    auto label = [this, filters](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        filters->addWidget(l);
        filters->addWidget(buddy);
    };
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryComboBox"));
    m_category->addItem(tr("All categories"), qint64(0));
    label(tr("C&ategory:"), m_category);
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("outcomeComboBox"));
    m_outcome->addItem(tr("Any outcome"), QString());
    for (Reasonableness r : IntakeCodes::reasonablenessLevels()) {
        m_outcome->addItem(IntakeCodes::label(r), IntakeCodes::code(r));
    }
    label(tr("&Outcome:"), m_outcome);
    m_minRating = new QSpinBox(this);
    m_minRating->setObjectName(QStringLiteral("minRatingSpinBox"));
    m_minRating->setRange(0, 5);
    m_minRating->setSpecialValueText(tr("any"));
    label(tr("Rating &from:"), m_minRating);
    m_maxRating = new QSpinBox(this);
    m_maxRating->setObjectName(QStringLiteral("maxRatingSpinBox"));
    m_maxRating->setRange(0, 5);
    m_maxRating->setSpecialValueText(tr("any"));
    label(tr("&to:"), m_maxRating);
    m_risk = new QComboBox(this);
    m_risk->setObjectName(QStringLiteral("riskComboBox"));
    m_risk->addItem(tr("Any risk"), QString());
    for (RiskLevel level : {RiskLevel::High, RiskLevel::Medium, RiskLevel::Low}) {
        m_risk->addItem(RiskLevels::label(level), RiskLevels::code(level));
    }
    label(tr("R&isk:"), m_risk);
    filters->addStretch(1);
    layout->addLayout(filters);

    // The closed dates: each bound applies only while its box is ticked (unticked = open).
    auto* dates = new QHBoxLayout;
    auto dateBound = [this, dates](const QString& text, const char* boxName, const char* editName, QCheckBox*& box,
                                   QDateEdit*& edit) {
        box = new QCheckBox(text, this);
        box->setObjectName(QLatin1String(boxName));
        edit = new QDateEdit(this);
        edit->setObjectName(QLatin1String(editName));
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        connect(box, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        dates->addWidget(box);
        dates->addWidget(edit);
    };
    dateBound(tr("Closed &from:"), "closedFromCheckBox", "closedFromDateEdit", m_closedFromSet, m_closedFrom);
    dateBound(tr("closed t&o:"), "closedToCheckBox", "closedToDateEdit", m_closedToSet, m_closedTo);
    m_search = new QPushButton(tr("&Search"), this);
    m_search->setObjectName(QStringLiteral("searchButton"));
    dates->addSpacing(12);
    dates->addWidget(m_search);
    dates->addStretch(1);
    layout->addLayout(dates);

    m_table =
        TrainingWidgets::table(ColumnCount,
                               {tr("Case"), tr("Closed"), tr("Category"), tr("Service item"), tr("Rating"),
                                tr("Outcome"), tr("Emotion"), tr("Risk"), tr("Complaint (anonymized)"), tr("Built")},
                               "candidatesTableWidget", this);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    TrainingWidgets::addStatusLabels(layout, this, m_summary, m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    m_build = buttons->addButton(tr("&Build"), QDialogButtonBox::AcceptRole);
    m_build->setObjectName(QStringLiteral("buildButton"));
    layout->addWidget(buttons);

    connect(m_search, &QPushButton::clicked, this, &BuildTrainingCaseDialog::search);
    connect(m_build, &QPushButton::clicked, this, &BuildTrainingCaseDialog::build);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::doubleClicked, this, &BuildTrainingCaseDialog::build);

    m_worker.run(this, TrainingJobs::categories(m_session), [this](const Result<QList<ReferenceItem>>& items) {
        if (!items) {
            return;
        }
        for (const ReferenceItem& item : *items) {
            m_category->addItem(item.name, item.id);
        }
    });
    search();
}

void BuildTrainingCaseDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_build->setEnabled(!busy);
}

TrainingCandidateFilter BuildTrainingCaseDialog::filter() const
{
    TrainingCandidateFilter f;
    f.categoryId = m_category->currentData().toLongLong();
    f.outcome = m_outcome->currentData().toString();
    f.risk = m_risk->currentData().toString();
    if (m_minRating->value() > 0) {
        f.minRating = m_minRating->value();
    }
    if (m_maxRating->value() > 0) {
        f.maxRating = m_maxRating->value();
    }
    if (m_closedFromSet->isChecked()) {
        f.closedFrom = m_closedFrom->date();
    }
    if (m_closedToSet->isChecked()) {
        f.closedTo = m_closedTo->date();
    }
    return f;
}

void BuildTrainingCaseDialog::search()
{
    const TrainingCandidateFilter filter = this->filter();
    setBusy(true);
    FormHelpers::clearError(m_error);
    m_summary->setText(tr("Loading…"));
    m_worker.runLatest(this, m_latest, TrainingJobs::candidates(m_session, filter),
                       [this](const Result<QList<TrainingCandidate>>& found) {
                           setBusy(false);
                           if (!found) {
                               m_summary->clear();
                               FormHelpers::showError(m_error, found.error().message);
                               return;
                           }
                           m_candidates = *found;
                           showCandidates();
                       });
}

void BuildTrainingCaseDialog::showCandidates()
{
    m_table->setRowCount(int(m_candidates.size()));
    for (int row = 0; row < m_candidates.size(); ++row) {
        const TrainingCandidate& c = m_candidates.at(row);
        const auto outcome = IntakeCodes::reasonablenessFromCode(c.outcome);
        const auto emotion = IntakeCodes::emotionFromCode(c.emotion);
        const auto risk = RiskLevels::fromCode(c.risk);
        const QStringList cells{c.caseNo,
                                FormHelpers::dateTime(c.closedAt),
                                c.category,
                                c.serviceItem,
                                c.rating ? QString::number(*c.rating) : FormHelpers::dash(),
                                outcome ? IntakeCodes::label(*outcome) : FormHelpers::dash(),
                                emotion ? IntakeCodes::label(*emotion) : FormHelpers::dash(),
                                risk ? RiskLevels::label(*risk) : FormHelpers::dash(),
                                c.preview,
                                c.built() ? tr("yes") : QString()};
        for (int column = 0; column < ColumnCount; ++column) {
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    m_table->resizeColumnsToContents();
    if (m_candidates.isEmpty()) {
        m_summary->setText(tr("No closed case matches these filters. Widen them (any category, outcome, rating, risk "
                              "or date) and search again."));
        return;
    }
    m_summary->setText(tr("%n closed case(s)", nullptr, int(m_candidates.size())));
    m_table->setCurrentCell(0, 0);
    // An open bound starts, once ticked, at the listed cases' dates (newest first).
    if (!m_closedFromSet->isChecked()) {
        m_closedFrom->setDate(m_candidates.constLast().closedAt.toLocalTime().date());
    }
    if (!m_closedToSet->isChecked()) {
        m_closedTo->setDate(m_candidates.constFirst().closedAt.toLocalTime().date());
    }
}

void BuildTrainingCaseDialog::build()
{
    const int row = m_table->currentRow();
    if (m_busy) {
        return;
    }
    if (row < 0 || row >= m_candidates.size()) {
        FormHelpers::showError(m_error, tr("Choose a closed case first."));
        return;
    }
    const TrainingCandidate& c = m_candidates.at(row);
    if (c.built()) {
        FormHelpers::showError(m_error, tr("A training case was built from case %1 already.").arg(c.caseNo));
        return;
    }
    setBusy(true);
    FormHelpers::clearError(m_error);
    m_worker.runLatest(this, m_latest, TrainingJobs::build(m_session, c.caseId),
                       [this](const Result<TrainingCase>& made) {
                           setBusy(false);
                           if (!made) {
                               FormHelpers::showError(m_error, made.error().message);
                               return;
                           }
                           emit built(*made);
                           accept();
                       });
}
