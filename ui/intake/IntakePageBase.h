#pragma once

#include "services/IntakeService.h"

#include <QHash>
#include <QWizardPage>

class IntakeWizard;
class QLabel;

/**
 * What every page of the intake wizard shares: it writes its fields into the draft and reads them back, says when
 * the clerk edited something, and shows IntakeService::validatePage's problems next to their fields.
 */
class IntakePageBase : public QWizardPage
{
    Q_OBJECT

public:
    IntakePageBase(IntakeWizard* wizard, IntakePage page);

    IntakePage intakePage() const { return m_page; }
    virtual void writeTo(IntakeDraft& draft) const = 0;
    virtual void readFrom(const IntakeDraft& draft) = 0;

    /** Shows each problem under its field (or under the page's first field); focuses the first; true = none. */
    bool showProblems(const QList<FieldProblem>& problems);
    /** Hides every problem shown. */
    void clearProblems();
    bool validatePage() override;
    /** Going back keeps everything the clerk entered. */
    void cleanupPage() override {}

signals:
    /** The clerk changed a field. */
    void edited();

protected:
    /** The input a field key's problems belong to; its error label is "<objectName>ErrorLabel". */
    void addField(const QString& key, QWidget* input);
    /** Emits edited() whenever the widget's value changes. */
    void watch(QWidget* input);
    /** Gives the widget the focus once the wizard has finished switching pages (QWizard focuses its buttons). */
    static void focusSoon(QWidget* input);
    /** Shows a "confirmed at" stamp, or clears it. */
    static void showStamp(QLabel* label, const QDateTime& at, const QString& text);

    IntakeWizard* m_wizard;

private:
    QLabel* errorLabelOf(QWidget* input) const;

    IntakePage m_page;
    QHash<QString, QWidget*> m_fields;
    QWidget* m_firstField = nullptr;
};
