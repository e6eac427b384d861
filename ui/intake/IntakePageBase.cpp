#include "intake/IntakePageBase.h"

#include "common/FormHelpers.h"
#include "intake/IntakeWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimer>

IntakePageBase::IntakePageBase(IntakeWizard* wizard, IntakePage page)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_page(page)
{}

void IntakePageBase::addField(const QString& key, QWidget* input)
{
    m_fields.insert(key, input);
    if (!m_firstField) {
        m_firstField = input;
    }
}

void IntakePageBase::watch(QWidget* input)
{
    if (auto* w = qobject_cast<QLineEdit*>(input)) {
        connect(w, &QLineEdit::textChanged, this, &IntakePageBase::edited);
    } else if (auto* w = qobject_cast<QPlainTextEdit*>(input)) {
        connect(w, &QPlainTextEdit::textChanged, this, &IntakePageBase::edited);
    } else if (auto* w = qobject_cast<QComboBox*>(input)) {
        connect(w, &QComboBox::currentIndexChanged, this, &IntakePageBase::edited);
    } else if (auto* w = qobject_cast<QSpinBox*>(input)) {
        connect(w, &QSpinBox::valueChanged, this, &IntakePageBase::edited);
    } else if (auto* w = qobject_cast<QDateTimeEdit*>(input)) {
        connect(w, &QDateTimeEdit::dateTimeChanged, this, &IntakePageBase::edited);
    } else if (auto* w = qobject_cast<QAbstractButton*>(input)) {
        connect(w, &QAbstractButton::toggled, this, &IntakePageBase::edited);
    }
}

void IntakePageBase::focusSoon(QWidget* input)
{
    QTimer::singleShot(0, input, [input] { input->setFocus(Qt::OtherFocusReason); });
}

void IntakePageBase::showStamp(QLabel* label, const QDateTime& at, const QString& text)
{
    label->setText(at.isValid() ? text.arg(at.toString(QStringLiteral("HH:mm:ss"))) : QString());
}

QLabel* IntakePageBase::errorLabelOf(QWidget* input) const
{
    return input ? findChild<QLabel*>(input->objectName() + QStringLiteral("ErrorLabel")) : nullptr;
}

void IntakePageBase::clearProblems()
{
    for (QLabel* label : findChildren<QLabel*>()) {
        if (label->objectName().endsWith(QLatin1String("ErrorLabel"))) {
            FormHelpers::clearError(label);
        }
    }
}

bool IntakePageBase::showProblems(const QList<FieldProblem>& problems)
{
    clearProblems();
    QHash<QLabel*, QStringList> messages;
    QWidget* focus = nullptr;
    for (const FieldProblem& problem : problems) {
        QWidget* input = m_fields.value(problem.field, nullptr);
        if (!input) {
            // A key this page does not show (another page's, or a new one): under the page's first field.
            input = m_firstField;
        }
        if (QLabel* label = errorLabelOf(input)) {
            messages[label] << problem.message;
        }
        if (!focus && input && input->isEnabled()) {
            focus = input;
        }
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        FormHelpers::showError(it.key(), it.value().join(QLatin1Char('\n')));
    }
    if (focus) {
        focus->setFocus(Qt::OtherFocusReason);
    }
    return problems.isEmpty();
}

bool IntakePageBase::validatePage()
{
    return showProblems(m_wizard->problems(m_page));
}
