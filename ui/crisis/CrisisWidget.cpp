#include "crisis/CrisisWidget.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "crisis/CrisisJobs.h"
#include "crisis/CrisisReviewDialog.h"
#include "workers/DatabaseWorker.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int kCheckDelayMs = 300;
} // namespace

CrisisWidget::CrisisWidget(Session session, DatabaseWorker& worker, const Clock& clock, qint64 crisisId,
                           const QString& hallName, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
    , m_id(crisisId)
    , m_hallName(hallName)
{
    buildUi();
    retranslate();
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &CrisisWidget::updateClock);
    m_tick->start();
    m_checkDelay = new QTimer(this);
    m_checkDelay->setSingleShot(true);
    m_checkDelay->setInterval(kCheckDelayMs);
    connect(m_checkDelay, &QTimer::timeout, this, &CrisisWidget::runCheck);
    reload();
}

CrisisWidget::~CrisisWidget() = default;

CrisisWidget* CrisisWidget::showWindow(const Session& session, DatabaseWorker& worker, const Clock& clock,
                                       qint64 crisisId, QWidget* parent)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* open = qobject_cast<CrisisWidget*>(w); open && open->crisisId() == crisisId) {
            open->show();
            open->raise();
            open->activateWindow();
            open->reload();
            return open;
        }
    }
    auto* widget = new CrisisWidget(session, worker, clock, crisisId, {}, parent);
    widget->setObjectName(QStringLiteral("crisisWidget"));
    widget->setWindowFlag(Qt::Window);
    widget->setAttribute(Qt::WA_DeleteOnClose);
    widget->resize(980, 760);
    widget->show();
    return widget;
}

void CrisisWidget::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("crisisTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto* clockRow = new QHBoxLayout;
    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("goldenClockLabel"));
    QFont clockFont = m_clockLabel->font();
    clockFont.setBold(true);
    clockFont.setPointSizeF(clockFont.pointSizeF() * 3);
    clockFont.setStyleHint(QFont::Monospace);
    m_clockLabel->setFont(clockFont);
    m_clockState = new QLabel(this);
    m_clockState->setObjectName(QStringLiteral("clockStateLabel"));
    m_clockState->setWordWrap(true);
    clockRow->addWidget(m_clockLabel);
    clockRow->addWidget(m_clockState, 1);
    layout->addLayout(clockRow);

    auto* middle = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_casesLabel = new QLabel(this);
    left->addWidget(m_casesLabel);
    m_cases = new QTreeWidget(this);
    m_cases->setObjectName(QStringLiteral("crisisCasesTree"));
    m_cases->setRootIsDecorated(false);
    m_cases->setColumnCount(4);
    m_cases->header()->setStretchLastSection(true);
    m_cases->setMaximumHeight(140);
    connect(m_cases, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { emit openCaseRequested(item->data(0, Qt::UserRole).toLongLong()); });
    left->addWidget(m_cases);
    m_checklistLabel = new QLabel(this);
    left->addWidget(m_checklistLabel);
    auto* grid = new QGridLayout;
    int row = 0;
    for (CrisisStep step : CrisisSteps::all()) {
        const QString code = CrisisSteps::code(step);
        StepRow r;
        r.check = new QCheckBox(this);
        r.check->setObjectName(QStringLiteral("stepCheckBox_") + code);
        r.note = new QLineEdit(this);
        r.note->setObjectName(QStringLiteral("stepNoteLineEdit_") + code);
        r.done = new QLabel(this);
        r.done->setObjectName(QStringLiteral("stepDoneLabel_") + code);
        grid->addWidget(r.check, row, 0);
        grid->addWidget(r.note, row, 1);
        grid->addWidget(r.done, row, 2);
        connect(r.check, &QCheckBox::clicked, this, [this, step](bool checked) {
            if (checked) {
                recordStep(step);
            }
        });
        connect(r.note, &QLineEdit::returnPressed, this, [this, step, r] {
            if (r.check->isEnabled() && !r.check->isChecked()) {
                r.check->setChecked(true);
                recordStep(step);
            }
        });
        m_steps.insert(static_cast<int>(step), r);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    left->addLayout(grid);
    left->addStretch(1);
    middle->addLayout(left, 1);

    auto* right = new QVBoxLayout;
    m_statementLabel = new QLabel(this);
    right->addWidget(m_statementLabel);
    auto* templateRow = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("statementKindComboBox"));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("templateComboBox"));
    m_insertTemplate = new QPushButton(this);
    m_insertTemplate->setObjectName(QStringLiteral("insertTemplateButton"));
    m_insertTemplate->setAutoDefault(false);
    templateRow->addWidget(m_kind);
    templateRow->addWidget(m_template, 1);
    templateRow->addWidget(m_insertTemplate);
    right->addLayout(templateRow);
    m_statement = new QPlainTextEdit(this);
    m_statement->setObjectName(QStringLiteral("statementTextEdit"));
    m_statement->setTabChangesFocus(true);
    right->addWidget(m_statement, 1);
    m_hints = new QLabel(this);
    m_hints->setObjectName(QStringLiteral("statementHintsLabel"));
    m_hints->setWordWrap(true);
    m_hints->setTextFormat(Qt::PlainText);
    right->addWidget(m_hints);
    m_publish = new QPushButton(this);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_publish->setAutoDefault(false);
    right->addWidget(m_publish, 0, Qt::AlignRight);
    m_publishedLabel = new QLabel(this);
    right->addWidget(m_publishedLabel);
    m_published = new QTreeWidget(this);
    m_published->setObjectName(QStringLiteral("publishedStatementsTree"));
    m_published->setRootIsDecorated(false);
    m_published->setColumnCount(3);
    m_published->setWordWrap(true);
    m_published->header()->setStretchLastSection(true);
    m_published->setMaximumHeight(150);
    right->addWidget(m_published);
    middle->addLayout(right, 1);
    layout->addLayout(middle, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    auto* buttons = new QHBoxLayout;
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("closeCrisisButton"));
    m_review = new QPushButton(this);
    m_review->setObjectName(QStringLiteral("reviewButton"));
    for (QPushButton* b : {m_refresh, m_close, m_review}) {
        b->setAutoDefault(false);
    }
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_review);
    layout->addLayout(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &CrisisWidget::fillTemplates);
    connect(m_insertTemplate, &QPushButton::clicked, this, &CrisisWidget::insertTemplate);
    connect(m_statement, &QPlainTextEdit::textChanged, this, &CrisisWidget::scheduleCheck);
    connect(m_publish, &QPushButton::clicked, this, &CrisisWidget::publish);
    connect(m_close, &QPushButton::clicked, this, &CrisisWidget::closeCrisis);
    connect(m_review, &QPushButton::clicked, this, &CrisisWidget::openReview);
    connect(m_refresh, &QPushButton::clicked, this, &CrisisWidget::reload);
}

void CrisisWidget::retranslate()
{
    setWindowTitle(m_loaded ? tr("Crisis mode: %1").arg(m_detail.crisis.title) : tr("Crisis mode"));
    m_casesLabel->setText(tr("Cases in this crisis:"));
    m_cases->setHeaderLabels({tr("Case"), tr("Status"), tr("Service item"), tr("Complaint")});
    m_checklistLabel->setText(tr("Checklist (tick a step to record it with its note):"));
    for (CrisisStep step : CrisisSteps::all()) {
        const StepRow& r = m_steps[static_cast<int>(step)];
        r.check->setText(CrisisSteps::label(step));
        r.note->setPlaceholderText(step == CrisisStep::NameSpokesperson ? tr("The spokesperson's name")
                                                                        : tr("Note (optional)"));
    }
    m_statementLabel->setText(tr("Public statement:"));
    {
        const QSignalBlocker block(m_kind);
        const int current = std::max(0, m_kind->currentIndex());
        m_kind->clear();
        for (StatementKind k : StatementKinds::all()) {
            m_kind->addItem(StatementKinds::label(k), static_cast<int>(k));
        }
        m_kind->setCurrentIndex(current);
    }
    fillTemplates();
    m_insertTemplate->setText(tr("&Use template"));
    m_statement->setPlaceholderText(tr("Write the statement, or start from a template. It shows empathy, names no "
                                       "person, and moves the conversation to a private channel."));
    m_publish->setText(tr("&Publish"));
    m_publishedLabel->setText(tr("Published statements:"));
    m_published->setHeaderLabels({tr("Published"), tr("Kind"), tr("Statement")});
    m_refresh->setText(tr("&Refresh"));
    m_close->setText(tr("&Close crisis…"));
    m_review->setText(tr("Re&view (复盘)…"));
    if (m_loaded) {
        apply(m_detail);
    } else {
        m_clockLabel->setText(FormHelpers::dash());
        m_clockState->setText(tr("Loading the crisis…"));
    }
}

void CrisisWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void CrisisWidget::setBusy(bool busy)
{
    m_busy = busy;
    const bool open = m_loaded && m_detail.crisis.isOpen();
    m_publish->setEnabled(!busy && open && m_checkPublishable);
    m_close->setEnabled(!busy && open);
    m_review->setEnabled(!busy && m_loaded && !open && !m_detail.review.has_value());
    m_refresh->setEnabled(!busy);
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void CrisisWidget::showError(const QString& message)
{
    FormHelpers::showError(m_error, message);
}

void CrisisWidget::reload()
{
    setBusy(true);
    m_worker.run(this, CrisisJobs::detail(m_session, m_id), [this](const Result<CrisisDetail>& result) {
        setBusy(false);
        applyResult(result);
        emit loaded();
    });
}

void CrisisWidget::applyResult(const Result<CrisisDetail>& result)
{
    if (!result) {
        showError(result.error().message);
        if (m_loaded) {
            apply(m_detail); // back to what is stored (an unticked box, say)
        }
        return;
    }
    FormHelpers::clearError(m_error);
    apply(*result);
}

void CrisisWidget::apply(const CrisisDetail& detail)
{
    m_detail = detail;
    m_loaded = true;
    const Crisis& k = detail.crisis;
    const bool open = k.isOpen();
    setWindowTitle(tr("Crisis mode: %1").arg(k.title));
    m_title->setText(open ? k.title
                          : tr("%1 (closed %2 by %3)")
                                .arg(k.title, FormHelpers::dateTime(k.closedAt), FormHelpers::refName(k.closedBy)));

    m_cases->clear();
    for (const CrisisCase& c : detail.cases) {
        auto* item = new QTreeWidgetItem(m_cases, {c.caseNo, CaseStatuses::label(c.status), c.serviceItem, c.summary});
        item->setData(0, Qt::UserRole, c.caseId);
        item->setToolTip(3, c.summary);
    }
    for (CrisisStep step : CrisisSteps::all()) {
        const StepRow& r = m_steps[static_cast<int>(step)];
        const CrisisStepRecord* done = detail.step(step);
        r.check->setChecked(done != nullptr);
        r.check->setEnabled(open && done == nullptr);
        r.note->setReadOnly(done != nullptr || !open);
        if (done) {
            r.note->setText(done->note);
            r.done->setText(tr("%1 · %2").arg(FormHelpers::dateTime(done->doneAt), FormHelpers::refName(done->doneBy)));
        } else {
            r.done->clear();
        }
    }
    m_published->clear();
    for (const CrisisStatement& s : detail.statements) {
        auto* item = new QTreeWidgetItem(m_published,
                                         {FormHelpers::dateTime(s.publishedAt), StatementKinds::label(s.kind), s.text});
        item->setToolTip(2, s.text);
    }
    m_statement->setReadOnly(!open);
    m_kind->setEnabled(open);
    m_template->setEnabled(open);
    m_insertTemplate->setEnabled(open);
    if (!open) {
        m_checkPublishable = false;
    }
    setBusy(m_busy);
    updateClock();
}

void CrisisWidget::updateClock()
{
    if (!m_loaded) {
        return;
    }
    const Crisis& k = m_detail.crisis;
    const GoldenClock clock = k.clock();
    const QDateTime now = m_clock.now();
    const qint64 left = clock.remainingSeconds(now);
    m_clockLabel->setText(GoldenClock::format(left));
    m_clockLabel->setStyleSheet(clock.isUrgent(now) ? QStringLiteral("color: #c62828;") : QString());
    QString state;
    if (clock.isStopped()) {
        state = left >= 0 ? tr("Statement published at %1, %2 before the end of the golden hours.")
                                .arg(FormHelpers::dateTime(clock.stoppedAt), GoldenClock::format(left))
                          : tr("Statement published at %1, %2 after the end of the golden hours.")
                                .arg(FormHelpers::dateTime(clock.stoppedAt), GoldenClock::format(-left));
    } else if (!k.isOpen()) {
        state = tr("Closed without a public statement.");
    } else if (left < 0) {
        state = tr("Overdue: no public statement yet; the golden %n hour(s) ended at %1.", nullptr, k.goldenHours)
                    .arg(FormHelpers::dateTime(clock.deadline()));
    } else {
        state = tr("Time left for the first public statement: golden %n hour(s), until %1.", nullptr, k.goldenHours)
                    .arg(FormHelpers::dateTime(clock.deadline()));
    }
    if (!k.spokesperson.isEmpty()) {
        state += QLatin1Char('\n') + tr("Spokesperson: %1").arg(k.spokesperson);
    }
    m_clockState->setText(state);
}

void CrisisWidget::recordStep(CrisisStep step)
{
    const StepRow& r = m_steps[static_cast<int>(step)];
    if (m_busy) {
        r.check->setChecked(false);
        return;
    }
    setBusy(true);
    r.check->setEnabled(false);
    m_worker.run(this, CrisisJobs::doStep(m_session, m_id, step, r.note->text()),
                 [this](const Result<CrisisDetail>& result) {
                     setBusy(false);
                     applyResult(result);
                     if (result) {
                         emit crisisChanged(m_id);
                     }
                 });
}

void CrisisWidget::fillTemplates()
{
    const QSignalBlocker block(m_template);
    m_template->clear();
    const auto kind = static_cast<StatementKind>(m_kind->currentData().toInt());
    for (const CrisisTemplate& t : CrisisTemplates::builtIn()) {
        if (t.kind == kind) {
            m_template->addItem(t.title, t.code);
        }
    }
}

void CrisisWidget::insertTemplate()
{
    const QString code = m_template->currentData().toString();
    for (const CrisisTemplate& t : CrisisTemplates::builtIn()) {
        if (t.code == code) {
            m_statement->setPlainText(CrisisTemplates::fill(t.body, CrisisTemplates::values(m_detail, m_hallName)));
            m_statement->setFocus();
            return;
        }
    }
}

void CrisisWidget::scheduleCheck()
{
    m_checkPublishable = false;
    setBusy(m_busy);
    m_hints->setText(m_statement->toPlainText().trimmed().isEmpty() ? QString() : tr("Checking…"));
    m_checkDelay->start();
}

void CrisisWidget::runCheck()
{
    const QString text = m_statement->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_hints->clear();
        return;
    }
    m_worker.runLatest(this, m_checkRequest, CrisisJobs::check(m_session, m_id, text),
                       [this](const Result<StatementCheck>& check) {
                           if (!check) {
                               m_hints->setText(check.error().message);
                               return;
                           }
                           showCheck(*check);
                       });
}

void CrisisWidget::showCheck(const StatementCheck& check)
{
    QStringList lines;
    const QString refusal = check.refusal();
    if (!refusal.isEmpty()) {
        lines << tr("Cannot be published: %1").arg(refusal);
    }
    for (const ReplyFinding& f : check.findings) {
        if (StatementCheck::refuses(f)) {
            continue; // named in the refusal
        }
        lines << tr("Hint (%1): %2").arg(ReplyFindingKinds::label(f.kind), f.advice);
    }
    if (lines.isEmpty()) {
        lines << tr("No personal data found; the reply checker has no objection.");
    }
    m_hints->setText(lines.join(QLatin1Char('\n')));
    m_hints->setStyleSheet(refusal.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_checkPublishable = refusal.isEmpty();
    setBusy(m_busy);
}

void CrisisWidget::publish()
{
    if (m_busy || !m_checkPublishable) {
        return;
    }
    const auto kind = static_cast<StatementKind>(m_kind->currentData().toInt());
    setBusy(true);
    m_worker.run(this, CrisisJobs::publish(m_session, m_id, kind, m_statement->toPlainText()),
                 [this](const Result<CrisisDetail>& result) {
                     setBusy(false);
                     applyResult(result);
                     if (result) {
                         const QSignalBlocker block(m_statement);
                         m_statement->clear();
                         m_checkDelay->stop();
                         m_checkRequest.next(); // a check still on its way is for the text just published
                         m_hints->clear();
                         m_checkPublishable = false;
                         setBusy(false);
                         emit crisisChanged(m_id);
                     }
                 });
}

void CrisisWidget::closeCrisis()
{
    if (m_busy) {
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Close crisis"),
                                tr("Close the crisis \"%1\"? Its checklist and statements stay on record; its cases "
                                   "may then be in a new crisis.")
                                    .arg(m_detail.crisis.title),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("closeCrisisMessageBox"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Yes) {
            return;
        }
        setBusy(true);
        m_worker.run(this, CrisisJobs::close(m_session, m_id, QString()), [this](const Result<CrisisDetail>& result) {
            setBusy(false);
            applyResult(result);
            if (result) {
                emit crisisChanged(m_id);
            }
        });
    });
    box->open();
}

void CrisisWidget::openReview()
{
    auto* dialog = new CrisisReviewDialog(m_session, m_worker, m_detail, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CrisisReviewDialog::reviewed, this, [this](const CrisisDetail& detail) {
        apply(detail);
        emit crisisChanged(m_id);
    });
    dialog->open();
}
