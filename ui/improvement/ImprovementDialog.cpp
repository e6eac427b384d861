#include "improvement/ImprovementDialog.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "dashboard/Dashboard.h"
#include "improvement/FishboneWidget.h"
#include "improvement/ImprovementJobs.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
void fillCombo(QComboBox* combo, const QList<ReferenceItem>& items, const QString& noneText)
{
    const qint64 current = combo->currentData().toLongLong();
    combo->clear();
    combo->addItem(noneText, qint64(0));
    for (const ReferenceItem& item : items) {
        if (item.active) {
            combo->addItem(item.name, item.id);
        }
    }
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void select(QComboBox* combo, qint64 id)
{
    const int index = combo->findData(id);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    return b;
}

QString percent(const std::optional<double>& rate)
{
    return rate ? QStringLiteral("%1 %").arg(QLocale().toString(*rate * 100.0, 'f', 1)) : FormHelpers::dash();
}
} // namespace

ImprovementDialog::ImprovementDialog(Session session, DatabaseWorker& worker, const Clock& clock, qint64 id,
                                     const ImprovementDraft& draft, QWidget* parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
    , m_id(id)
    , m_initial(draft)
{
    buildUi();
    setBusy(true);
    m_worker.run(this, ImprovementJobs::references(m_session),
                 [this](const Result<ImprovementJobs::ReferenceLists>& lists) {
                     if (!lists) {
                         setBusy(false);
                         showError(lists.error().message);
                         emit settled();
                         return;
                     }
                     fillReferences(*lists);
                     if (m_id != 0) {
                         loadAction();
                         return;
                     }
                     fillDraft(m_initial);
                     if (m_initial.caseIds.isEmpty()) {
                         setBusy(false);
                         emit settled();
                         return;
                     }
                     // An alert's cases: listed by number, status and received time, as a stored action's.
                     m_worker.run(this, ImprovementJobs::casesByIds(m_session, m_initial.caseIds),
                                  [this](const Result<QList<LinkedCase>>& cases) {
                                      setBusy(false);
                                      if (!cases) {
                                          showError(cases.error().message);
                                      } else {
                                          setCases(*cases);
                                      }
                                      emit settled();
                                  });
                 });
}

ImprovementDialog::~ImprovementDialog() = default;

ImprovementDialog* ImprovementDialog::openForAlert(const Session& session, DatabaseWorker& worker, const Clock& clock,
                                                   const Dashboard::SystemicAlert& alert, QWidget* parent)
{
    auto* dialog = new ImprovementDialog(session, worker, clock, 0,
                                         Improvements::draftFromAlert(alert, clock.now().date()), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Not modal: "Open case" shows the case in the main window while the action stays open beside it.
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
    dialog->activateWindow();
    return dialog;
}

void ImprovementDialog::buildUi()
{
    setObjectName(QStringLiteral("improvementDialog"));
    setWindowTitle(m_id == 0 ? tr("New improvement action") : tr("Improvement action"));
    resize(980, 680);
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("improvementTabWidget"));
    m_tabs->addTab(buildActionTab(), tr("Action"));
    m_tabs->addTab(buildWhysTab(), tr("5 whys"));
    m_tabs->addTab(buildFishboneTab(), tr("Fishbone"));
    m_tabs->addTab(buildEffectTab(), tr("Effect"));
    layout->addWidget(m_tabs);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImprovementDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_session.can(Permission::ManageImprovements)) {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        m_fishbone->setReadOnly(true);
    }
}

QWidget* ImprovementDialog::buildActionTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_title = new QLineEdit(page);
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_title->setMaxLength(Improvements::kMaxTitleChars);
    form->addRow(tr("&Title:"), m_title);
    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(QStringLiteral("descriptionTextEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    form->addRow(tr("&Description:"), m_description);
    m_owner = new QComboBox(page);
    m_owner->setObjectName(QStringLiteral("ownerComboBox"));
    form->addRow(tr("&Owner department:"), m_owner);
    m_deadline = new QDateEdit(page);
    m_deadline->setObjectName(QStringLiteral("deadlineDateEdit"));
    m_deadline->setCalendarPopup(true);
    m_deadline->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_deadline->setDate(m_clock.now().date().addDays(30));
    form->addRow(tr("Dead&line:"), m_deadline);
    m_statusCombo = new QComboBox(page);
    m_statusCombo->setObjectName(QStringLiteral("statusComboBox"));
    for (ImprovementStatus s : ImprovementStatuses::all()) {
        m_statusCombo->addItem(ImprovementStatuses::label(s), static_cast<int>(s));
    }
    form->addRow(tr("&Status:"), m_statusCombo);
    m_category = new QComboBox(page);
    m_category->setObjectName(QStringLiteral("categoryComboBox"));
    form->addRow(tr("&Category:"), m_category);
    m_serviceItem = new QComboBox(page);
    m_serviceItem->setObjectName(QStringLiteral("serviceItemComboBox"));
    form->addRow(tr("Service &item:"), m_serviceItem);
    m_source = new QLabel(page);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    form->addRow(tr("Source:"), m_source);
    layout->addLayout(form);

    auto* group = new QGroupBox(tr("Linked cases"), page);
    auto* cases = new QVBoxLayout(group);
    m_casesTable = new QTableWidget(0, 5, group);
    m_casesTable->setObjectName(QStringLiteral("casesTableWidget"));
    m_casesTable->setHorizontalHeaderLabels({tr("Case"), tr("Status"), tr("Received"), tr("Category"), tr("Item")});
    m_casesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_casesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_casesTable->horizontalHeader()->setStretchLastSection(true);
    m_casesTable->verticalHeader()->hide();
    cases->addWidget(m_casesTable);
    auto* row = new QHBoxLayout;
    m_caseNo = new QLineEdit(group);
    m_caseNo->setObjectName(QStringLiteral("caseNoLineEdit"));
    m_caseNo->setPlaceholderText(tr("Case number, e.g. QT-20260302-0001"));
    row->addWidget(m_caseNo);
    auto* add = button(tr("&Link case"), "addCaseButton", group);
    auto* remove = button(tr("&Unlink"), "removeCaseButton", group);
    auto* open = button(tr("&Open case"), "openCaseButton", group);
    row->addWidget(add);
    row->addWidget(remove);
    row->addWidget(open);
    cases->addLayout(row);
    layout->addWidget(group, 1);
    connect(add, &QPushButton::clicked, this, &ImprovementDialog::addCase);
    connect(m_caseNo, &QLineEdit::returnPressed, this, &ImprovementDialog::addCase);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_casesTable->currentRow();
        if (r >= 0 && r < m_cases.size()) {
            m_cases.removeAt(r);
            m_casesTable->removeRow(r);
        }
    });
    const auto openCurrent = [this] {
        const int r = m_casesTable->currentRow();
        if (r >= 0 && r < m_cases.size()) {
            emit openCaseRequested(m_cases.at(r).caseId);
        }
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_casesTable, &QTableWidget::cellDoubleClicked, this, openCurrent);
    return page;
}

QWidget* ImprovementDialog::buildWhysTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* hint =
        new QLabel(tr("Ask \"why?\" until the answer is a cause you can act on, usually about five times."), page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_whys = new QTableWidget(0, 2, page);
    m_whys->setObjectName(QStringLiteral("whysTableWidget"));
    m_whys->setHorizontalHeaderLabels({tr("Why?"), tr("Because")});
    m_whys->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_whys, 1);
    auto* row = new QHBoxLayout;
    auto* add = button(tr("&Add why"), "addWhyButton", page);
    auto* remove = button(tr("&Remove"), "removeWhyButton", page);
    auto* up = button(tr("Move &up"), "upWhyButton", page);
    auto* down = button(tr("Move do&wn"), "downWhyButton", page);
    for (auto* b : {add, remove, up, down}) {
        row->addWidget(b);
    }
    row->addStretch(1);
    layout->addLayout(row);
    auto* form = new QFormLayout;
    m_rootCause = new QLineEdit(page);
    m_rootCause->setObjectName(QStringLiteral("rootCauseLineEdit"));
    m_rootCause->setMaxLength(Improvements::kMaxRootCauseChars);
    form->addRow(tr("Root &cause:"), m_rootCause);
    m_countermeasure = new QLineEdit(page);
    m_countermeasure->setObjectName(QStringLiteral("countermeasureLineEdit"));
    m_countermeasure->setMaxLength(Improvements::kMaxRootCauseChars);
    form->addRow(tr("Counter&measure:"), m_countermeasure);
    layout->addLayout(form);
    connect(add, &QPushButton::clicked, this, [this] {
        if (m_whys->rowCount() >= Improvements::kMaxWhys) {
            showError(tr("The chain has more than %1 whys.").arg(Improvements::kMaxWhys));
            return;
        }
        addWhy();
        m_whys->setCurrentCell(m_whys->rowCount() - 1, 0);
        m_whys->editItem(m_whys->item(m_whys->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_whys->currentRow() >= 0) {
            m_whys->removeRow(m_whys->currentRow());
        }
    });
    connect(up, &QPushButton::clicked, this, [this] { moveWhy(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveWhy(1); });
    return page;
}

QWidget* ImprovementDialog::buildFishboneTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_problem = new QLineEdit(page);
    m_problem->setObjectName(QStringLiteral("problemLineEdit"));
    m_problem->setMaxLength(Improvements::kMaxProblemChars);
    form->addRow(tr("&Problem (the head):"), m_problem);
    layout->addLayout(form);
    m_fishbone = new FishboneWidget(page);
    m_fishbone->setObjectName(QStringLiteral("fishboneWidget"));
    layout->addWidget(m_fishbone, 1);
    auto* hint = new QLabel(tr("Click a bone to add a cause; double-click a cause to edit it; Delete removes the "
                               "selected cause; right-click a cause to add a sub-cause."),
                            page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* row = new QHBoxLayout;
    auto* png = button(tr("Export P&NG…"), "exportPngButton", page);
    auto* pdf = button(tr("Export P&DF…"), "exportPdfButton", page);
    row->addStretch(1);
    row->addWidget(png);
    row->addWidget(pdf);
    layout->addLayout(row);
    connect(m_problem, &QLineEdit::textChanged, m_fishbone, &FishboneWidget::setProblem);
    connect(png, &QPushButton::clicked, this, [this] { exportFishbone(false); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportFishbone(true); });
    return page;
}

QWidget* ImprovementDialog::buildEffectTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Compare &weeks before and since the action:"), page);
    m_weeks = new QSpinBox(page);
    m_weeks->setObjectName(QStringLiteral("weeksSpinBox"));
    m_weeks->setRange(1, 52);
    m_weeks->setValue(Improvements::kDefaultEffectWeeks);
    label->setBuddy(m_weeks);
    row->addWidget(label);
    row->addWidget(m_weeks);
    row->addStretch(1);
    layout->addLayout(row);
    m_effectTable = new QTableWidget(4, 2, page);
    m_effectTable->setObjectName(QStringLiteral("effectTableWidget"));
    m_effectTable->setHorizontalHeaderLabels({tr("Before"), tr("Since")});
    m_effectTable->setVerticalHeaderLabels({tr("Days"), tr("Cases"), tr("Cases per week"), tr("CSAT")});
    m_effectTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_effectTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_effectTable->setFixedHeight(m_effectTable->horizontalHeader()->sizeHint().height() +
                                  4 * m_effectTable->verticalHeader()->defaultSectionSize() +
                                  2 * m_effectTable->frameWidth());
    layout->addWidget(m_effectTable);
    m_casesSentence = new QLabel(page);
    m_casesSentence->setObjectName(QStringLiteral("casesSentenceLabel"));
    m_csatSentence = new QLabel(page);
    m_csatSentence->setObjectName(QStringLiteral("csatSentenceLabel"));
    QFont bigger = m_casesSentence->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    bigger.setBold(true);
    m_casesSentence->setFont(bigger);
    for (auto* l : {m_casesSentence, m_csatSentence}) {
        l->setWordWrap(true);
        layout->addWidget(l);
    }
    m_casesSentence->setText(
        tr("The effect check compares the cases of the action's category and service item before and since it."));
    layout->addStretch(1);
    connect(m_weeks, &QSpinBox::valueChanged, this, &ImprovementDialog::reloadEffect);
    return page;
}

void ImprovementDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (auto* save = m_buttons->button(QDialogButtonBox::Save)) {
        save->setEnabled(!busy && m_session.can(Permission::ManageImprovements));
    }
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void ImprovementDialog::showError(const QString& message)
{
    FormHelpers::showError(m_error, message);
}

void ImprovementDialog::fillReferences(const ImprovementJobs::ReferenceLists& lists)
{
    fillCombo(m_owner, lists.departments, tr("Choose a department"));
    fillCombo(m_category, lists.categories, tr("No category"));
    fillCombo(m_serviceItem, lists.serviceItems, tr("No service item"));
}

void ImprovementDialog::loadAction()
{
    m_worker.run(this, ImprovementJobs::load(m_session, m_id, m_weeks->value()),
                 [this](const Result<ImprovementJobs::Loaded>& loaded) {
                     setBusy(false);
                     if (!loaded) {
                         showError(loaded.error().message);
                         emit settled();
                         return;
                     }
                     const ImprovementAction& a = loaded->detail.action;
                     m_version = a.version;
                     m_status = a.status;
                     m_initial = ImprovementService::draftOf(loaded->detail);
                     fillDraft(m_initial);
                     setCases(loaded->detail.cases);
                     setWindowTitle(tr("Improvement action: %1").arg(a.title));
                     showEffect(loaded->effect);
                     emit settled();
                 });
}

void ImprovementDialog::fillDraft(const ImprovementDraft& d)
{
    m_title->setText(d.title);
    m_description->setPlainText(d.description);
    select(m_owner, d.ownerDepartmentId);
    if (d.deadline.isValid()) {
        m_deadline->setDate(d.deadline);
    }
    m_statusCombo->setCurrentIndex(m_statusCombo->findData(static_cast<int>(m_status)));
    select(m_category, d.categoryId);
    select(m_serviceItem, d.serviceItemId);
    m_source->setText(ImprovementSources::label(d.source));
    m_whys->setRowCount(0);
    for (const Why& w : d.whys.whys) {
        addWhy(w);
    }
    m_rootCause->setText(d.whys.rootCause);
    m_countermeasure->setText(d.whys.countermeasure);
    m_fishbone->setFishbone(d.fishbone);
    m_problem->setText(d.fishbone.problem);
}

void ImprovementDialog::setCases(const QList<LinkedCase>& cases)
{
    m_cases.clear();
    m_casesTable->setRowCount(0);
    for (const LinkedCase& c : cases) {
        appendCase(c);
    }
}

void ImprovementDialog::appendCase(const LinkedCase& c)
{
    m_cases.append(c);
    const int r = m_casesTable->rowCount();
    m_casesTable->insertRow(r);
    const QStringList cells{c.caseNo, c.receivedAt.isValid() ? CaseStatuses::label(c.status) : FormHelpers::dash(),
                            FormHelpers::dateTime(c.receivedAt), c.category, c.serviceItem};
    for (int col = 0; col < cells.size(); ++col) {
        m_casesTable->setItem(r, col, new QTableWidgetItem(cells.at(col)));
    }
}

void ImprovementDialog::addCase()
{
    const QString number = m_caseNo->text().trimmed();
    if (number.isEmpty()) {
        return;
    }
    setBusy(true);
    m_worker.run(this, ImprovementJobs::caseByNumber(m_session, number), [this](const Result<LinkedCase>& found) {
        setBusy(false);
        if (!found) {
            showError(found.error().message);
        } else if (std::any_of(m_cases.cbegin(), m_cases.cend(),
                               [&](const LinkedCase& c) { return c.caseId == found->caseId; })) {
            showError(tr("Case %1 is linked already.").arg(found->caseNo));
        } else {
            FormHelpers::clearError(m_error);
            appendCase(*found);
            m_caseNo->clear();
        }
        emit settled();
    });
}

void ImprovementDialog::addWhy(const Why& why)
{
    const int r = m_whys->rowCount();
    m_whys->insertRow(r);
    m_whys->setItem(r, 0, new QTableWidgetItem(why.question));
    m_whys->setItem(r, 1, new QTableWidgetItem(why.answer));
}

void ImprovementDialog::moveWhy(int delta)
{
    const int r = m_whys->currentRow();
    const int to = r + delta;
    if (r < 0 || to < 0 || to >= m_whys->rowCount()) {
        return;
    }
    for (int col = 0; col < 2; ++col) {
        QTableWidgetItem* a = m_whys->takeItem(r, col);
        QTableWidgetItem* b = m_whys->takeItem(to, col);
        m_whys->setItem(r, col, b);
        m_whys->setItem(to, col, a);
    }
    m_whys->setCurrentCell(to, m_whys->currentColumn());
}

ImprovementDraft ImprovementDialog::draft() const
{
    ImprovementDraft d;
    d.title = m_title->text();
    d.description = m_description->toPlainText();
    d.ownerDepartmentId = m_owner->currentData().toLongLong();
    d.deadline = m_deadline->date();
    d.categoryId = m_category->currentData().toLongLong();
    d.serviceItemId = m_serviceItem->currentData().toLongLong();
    d.source = m_initial.source;
    for (const LinkedCase& c : m_cases) {
        d.caseIds.append(c.caseId);
    }
    for (int r = 0; r < m_whys->rowCount(); ++r) {
        const auto text = [&](int col) {
            return m_whys->item(r, col) ? m_whys->item(r, col)->text() : QString();
        };
        d.whys.whys.append({text(0), text(1)});
    }
    d.whys.rootCause = m_rootCause->text();
    d.whys.countermeasure = m_countermeasure->text();
    d.fishbone = m_fishbone->fishbone();
    d.fishbone.problem = m_problem->text();
    return d;
}

void ImprovementDialog::reloadEffect()
{
    if (m_id == 0) {
        return;
    }
    m_worker.run(this, ImprovementJobs::effect(m_session, m_id, m_weeks->value()),
                 [this](const Result<EffectCheck>& effect) {
                     if (!effect) {
                         showError(effect.error().message);
                     } else {
                         showEffect(*effect);
                     }
                     emit settled();
                 });
}

void ImprovementDialog::showEffect(const EffectCheck& e)
{
    const auto number = [](const std::optional<double>& v) {
        return v ? QLocale().toString(*v, 'f', 1) : FormHelpers::dash();
    };
    const EffectPeriod* sides[] = {&e.before, &e.after};
    for (int col = 0; col < 2; ++col) {
        const EffectPeriod& p = *sides[col];
        const QString days =
            p.days() > 0
                ? tr("%1 (%2 – %3)").arg(p.days()).arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))
                : FormHelpers::dash();
        const QStringList cells{days, QString::number(p.cases), number(p.casesPerWeek),
                                p.csat ? tr("%1 (%n rating(s))", nullptr, p.csatN).arg(percent(p.csat))
                                       : FormHelpers::dash()};
        for (int r = 0; r < cells.size(); ++r) {
            m_effectTable->setItem(r, col, new QTableWidgetItem(cells.at(r)));
        }
    }
    m_casesSentence->setText(e.casesSentence());
    m_csatSentence->setText(e.csatSentence());
}

void ImprovementDialog::exportFishbone(bool pdf)
{
    const QString title = m_problem->text().trimmed().isEmpty() ? m_title->text() : m_problem->text();
    const QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Export the fishbone as PDF") : tr("Export the fishbone as PNG"),
                                     {}, pdf ? tr("PDF files (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    const bool ok = pdf ? m_fishbone->exportPdf(path, tr("Fishbone: %1").arg(title)) : m_fishbone->exportPng(path);
    if (!ok) {
        showError(tr("Could not write %1.").arg(path));
    }
}

void ImprovementDialog::save()
{
    FormHelpers::clearError(m_error);
    const ImprovementDraft d = draft();
    const auto status = static_cast<ImprovementStatus>(m_statusCombo->currentData().toInt());
    setBusy(true);
    m_worker.run(this, ImprovementJobs::save(m_session, m_id, m_version, d, status),
                 [this](const Result<ImprovementAction>& result) {
                     setBusy(false);
                     if (!result) {
                         showError(result.error().message);
                         emit settled();
                         return;
                     }
                     m_id = result->id;
                     m_version = result->version;
                     emit saved(*result);
                     emit settled();
                     accept();
                 });
}
