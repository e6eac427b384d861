#include "intake/IntakeReviewPage.h"

#include "ui_IntakeReviewPage.h"

#include "cases/Receipt.h"
#include "common/AppSettings.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeWizard.h"
#include "intake/ReceiptPrinter.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QStandardPaths>

namespace {
QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.trimmed().isEmpty()
                                        ? FormHelpers::dash()
                                        : value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

template <typename E> QString labelOf(const std::optional<E>& value)
{
    return value ? IntakeCodes::label(*value) : QString();
}

QString stamp(const QDateTime& at)
{
    return at.isValid() ? at.toString(QStringLiteral("HH:mm:ss")) : QString();
}
} // namespace

IntakeReviewPage::IntakeReviewPage(IntakeWizard* wizard)
    : IntakePageBase(wizard, IntakePage::Review)
    , m_ui(std::make_unique<Ui::IntakeReviewPage>())
{
    m_ui->setupUi(this);
    clearProblems();
    FormHelpers::clearError(m_ui->reviewErrorLabel);
    m_busy = new BusyIndicator(m_ui->saveStatusLabel, {m_ui->onSpotCheckBox, m_ui->onSpotTextEdit}, this);
    m_ui->printReceiptButton->hide();
    m_ui->savePdfButton->hide();
    addField(QStringLiteral("onSpotResolution"), m_ui->onSpotTextEdit);
    watch(m_ui->onSpotCheckBox);
    watch(m_ui->onSpotTextEdit);
    connect(m_ui->onSpotCheckBox, &QCheckBox::toggled, this, &IntakeReviewPage::updateOnSpot);
    connect(m_ui->printReceiptButton, &QPushButton::clicked, this, &IntakeReviewPage::printReceipt);
    connect(m_ui->savePdfButton, &QPushButton::clicked, this, &IntakeReviewPage::saveReceiptPdf);
    updateOnSpot();
}

IntakeReviewPage::~IntakeReviewPage() = default;

void IntakeReviewPage::updateOnSpot()
{
    m_ui->onSpotTextEdit->setEnabled(m_ui->onSpotCheckBox->isChecked() && !m_wizard->savedCase());
}

void IntakeReviewPage::initializePage()
{
    m_ui->summaryTextBrowser->setHtml(summaryHtml());
    FormHelpers::clearError(m_ui->reviewErrorLabel);
    focusSoon(m_ui->onSpotCheckBox);
}

void IntakeReviewPage::writeTo(IntakeDraft& d) const
{
    d.detail.resolvedOnSpot = m_ui->onSpotCheckBox->isChecked();
    d.onSpotResolution = d.detail.resolvedOnSpot ? m_ui->onSpotTextEdit->toPlainText().trimmed() : QString();
}

void IntakeReviewPage::readFrom(const IntakeDraft& d)
{
    m_ui->onSpotCheckBox->setChecked(d.detail.resolvedOnSpot);
    m_ui->onSpotTextEdit->setPlainText(d.onSpotResolution);
    updateOnSpot();
}

QString IntakeReviewPage::summaryHtml() const
{
    const IntakeDraft d = m_wizard->draft();
    const IntakeWizard& w = *m_wizard;
    QStringList remedies;
    for (Remedy r : d.detail.steps.remedies) {
        remedies << IntakeCodes::label(r);
    }
    QString citizen;
    if (w.listenPage()->isAnonymous()) {
        citizen = tr("Anonymous");
    } else if (d.citizenId != 0) {
        citizen = tr("%1 (known citizen)").arg(d.base.citizen.name);
    } else if (d.base.citizen.isEmpty()) {
        citizen = tr("Not given");
    } else {
        QStringList parts{d.base.citizen.name, d.base.citizen.phone, d.base.citizen.idNumber};
        parts.removeAll(QString());
        citizen = parts.join(QStringLiteral(" · "));
    }
    QString html;
    const auto section = [&html](const QString& title) {
        html += QStringLiteral("<h3 style='margin:8px 0 2px 0'>%1</h3>").arg(title.toHtmlEscaped());
    };
    const auto table = [&html](const QStringList& rows) {
        html += QStringLiteral("<table cellspacing='2'>") + rows.join(QString()) + QStringLiteral("</table>");
    };
    section(tr("1 · Listen"));
    table({row(tr("Words"), d.base.complaintText), row(tr("Emotion"), labelOf(d.detail.emotion)),
           row(tr("Channel"), Channels::label(d.base.channel)), row(tr("Window"), w.windowName(d.base.windowId)),
           row(tr("Service item"), w.serviceItemName(d.base.serviceItemId)),
           row(tr("Category"), w.categoryName(d.base.categoryId)),
           row(tr("Waited"), d.base.waitedMinutes ? tr("%n minute(s)", "", *d.base.waitedMinutes) : QString()),
           row(tr("Queue ticket"), d.detail.queueTicket), row(tr("Citizen"), citizen),
           row(tr("Feelings acknowledged"), stamp(d.confirmed.acknowledgedAt))});
    section(tr("2 · Facts"));
    table({row(tr("Restatement"), d.base.facts), row(tr("Citizen agreed"), stamp(d.confirmed.factsConfirmedAt))});
    section(tr("3 · Impact"));
    table({row(tr("Restatement"), d.base.impact), row(tr("Severity"), labelOf(d.detail.impact.severity)),
           row(tr("Scope"), labelOf(d.detail.impact.scope)), row(tr("Recurrence"), labelOf(d.detail.impact.recurrence)),
           row(tr("Demand"), d.detail.impact.demand),
           row(tr("Reasonableness"), labelOf(d.detail.impact.reasonableness)),
           row(tr("Responsibility"), labelOf(d.detail.impact.responsibility)),
           row(tr("Citizen agreed"), stamp(d.confirmed.impactConfirmedAt))});
    section(tr("4 · Steps"));
    table({row(tr("Responsible unit"), w.departmentName(d.base.departmentId)),
           row(tr("Remedies"), remedies.join(QStringLiteral("、"))),
           row(tr("Remedy details"), d.detail.steps.remedyNote), row(tr("Next steps"), d.base.steps),
           row(tr("Promised time"), FormHelpers::dateTime(d.base.promisedAt)),
           row(tr("Reason for a later time"), d.detail.steps.promiseReason), row(tr("Reply"), d.detail.steps.replyText),
           row(tr("Steps explained"), stamp(d.confirmed.stepsExplainedAt))});
    return html;
}

bool IntakeReviewPage::validatePage()
{
    QStringList lines;
    QList<FieldProblem> here;
    for (IntakePage page :
         {IntakePage::Listen, IntakePage::Facts, IntakePage::Impact, IntakePage::Steps, IntakePage::Review}) {
        for (const FieldProblem& p : m_wizard->problems(page)) {
            if (!lines.contains(p.message)) {
                lines << p.message;
            }
            if (page == IntakePage::Review) {
                here << p;
            }
        }
    }
    showProblems(here);
    FormHelpers::showError(m_ui->reviewErrorLabel, lines.isEmpty() ? QString()
                                                                   : tr("Before saving:") + QStringLiteral("\n• ") +
                                                                         lines.join(QStringLiteral("\n• ")));
    return lines.isEmpty();
}

void IntakeReviewPage::setSaving(bool saving)
{
    if (saving) {
        FormHelpers::clearError(m_ui->reviewErrorLabel);
        m_busy->start(BusyIndicator::savingText());
    } else {
        m_busy->stop();
    }
}

void IntakeReviewPage::showSaveError(const QString& message)
{
    FormHelpers::showError(m_ui->reviewErrorLabel,
                           tr("The case was not saved: %1 Nothing is lost; try again.").arg(message));
}

void IntakeReviewPage::showSaved(const Case& saved)
{
    m_ui->saveStatusLabel->setText(tr("Case %1 saved. Give the citizen the receipt.").arg(saved.caseNo));
    m_ui->saveStatusLabel->setVisible(true);
    m_ui->onSpotCheckBox->setEnabled(false);
    m_ui->onSpotTextEdit->setEnabled(false);
    m_ui->printReceiptButton->show();
    m_ui->savePdfButton->show();
    m_ui->printReceiptButton->setFocus(Qt::OtherFocusReason);
}

Receipt IntakeReviewPage::receipt() const
{
    const IntakeDraft d = m_wizard->draft();
    Case c = m_wizard->savedCase().value_or(Case{});
    // What the clerk agreed with the citizen, in case the stored copy came back without the intake's fields.
    if (!c.intake.emotion && c.intake.impact.demand.isEmpty()) {
        c.intake = d.detail;
    }
    if (d.detail.resolvedOnSpot && !d.onSpotResolution.isEmpty()) {
        c.intake.resolvedOnSpot = true;
        c.intake.steps.remedyNote = d.onSpotResolution;
    }
    // The citizen reads the clerk's name, not the login (the case stores the login, as the audit log does).
    const Session& session = m_wizard->context().session;
    if (c.createdBy.id == session.userId() && !session.displayName().isEmpty()) {
        c.createdBy.name = session.displayName();
    }
    const Citizen citizen = m_wizard->listenPage()->isAnonymous() ? Citizen{} : d.base.citizen;
    return ReceiptPrinter::receiptFor(c, citizen, *m_wizard->context().settings);
}

void IntakeReviewPage::printReceipt()
{
    if (m_wizard->savedCase()) {
        ReceiptPrinter::print(receipt(), this);
    }
}

QString IntakeReviewPage::receiptFileSuggestion() const
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(
        tr("receipt-%1.pdf").arg(m_wizard->savedCase() ? m_wizard->savedCase()->caseNo : QString()));
}

void IntakeReviewPage::saveReceiptPdf()
{
    const auto& saved = m_wizard->savedCase();
    if (!saved) {
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save receipt as PDF"), receiptFileSuggestion(), tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    const Status written = ReceiptPrinter::savePdf(receipt(), path);
    m_ui->saveStatusLabel->setText(written ? tr("Receipt saved to %1.").arg(QDir::toNativeSeparators(path))
                                           : written.error().message);
}

void IntakeReviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
    }
    IntakePageBase::changeEvent(event);
}
