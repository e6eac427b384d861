#pragma once

#include "intake/IntakePageBase.h"
#include "reply/ReplyChecker.h"
#include "workers/LatestRequest.h"

#include <QDateTime>

#include <memory>

class QCheckBox;

namespace Ui {
class IntakeStepsPage;
}

/**
 * Page 4 (说明步骤): responsible unit and assignee, the immediate remedies, the next steps and the promised time
 * (received + 48 h by default, never later than the SLA allows without a reason); the reply to the citizen assembled
 * from the script library with its placeholders filled, checked live by the reply checker as the clerk types.
 */
class IntakeStepsPage : public IntakePageBase
{
    Q_OBJECT

public:
    explicit IntakeStepsPage(IntakeWizard* wizard);
    ~IntakeStepsPage() override;

    void writeTo(IntakeDraft& draft) const override;
    void readFrom(const IntakeDraft& draft) override;
    void initializePage() override;

    /** The findings shown for the reply as it is now. */
    const QList<ReplyFinding>& findings() const { return m_findings; }
    /** Assembling the reply from templates is under way. */
    bool isAssembling() const { return m_assembling; }

public slots:
    /** Replaces the reply with one assembled from the templates for this case. */
    void assembleReply();
    /** Runs the reply checker on the reply as it is now. */
    void checkReply();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void loadAssignees();
    void updatePromise();
    void stepsChanged();
    void refillReply();
    void explain();
    void showExplained();
    QString explainedText() const;
    QList<QPair<QCheckBox*, Remedy>> remedyBoxes() const;

    std::unique_ptr<Ui::IntakeStepsPage> m_ui;
    QList<ReplyFinding> m_findings;
    QDateTime m_explainedAt;
    QString m_explainedText;
    LatestRequest m_templates;
    bool m_assembling = false;
    bool m_promiseSet = false; ///< the promised time was chosen (or defaulted) once
    bool m_loading = false;
};
