#include "risk/RiskPanel.h"

#include "risk/RiskText.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

RiskPanel::RiskPanel(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_level(new QLabel(this))
    , m_signals(new QLabel(this))
    , m_advice(new QLabel(this))
{
    setObjectName(QStringLiteral("riskPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("riskTitleLabel"));
    m_level->setObjectName(QStringLiteral("riskLevelLabel"));
    m_signals->setObjectName(QStringLiteral("riskSignalsLabel"));
    m_advice->setObjectName(QStringLiteral("riskAdviceLabel"));
    m_signals->setWordWrap(true);
    m_advice->setWordWrap(true);
    QFont bold = m_advice->font();
    bold.setBold(true);
    m_advice->setFont(bold);
    m_level->setFont(bold);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_level, 1);
    layout->addLayout(top);
    layout->addWidget(m_signals);
    layout->addWidget(m_advice);
    retranslate();
}

QString RiskPanel::highAdvice()
{
    return tr("High risk: report to the duty supervisor now.");
}

void RiskPanel::showResult(const RiskResult& result)
{
    m_result = result;
    m_level->setText(RiskText::levelAndScore(result.level, result.score));
    m_level->setStyleSheet(RiskText::levelStyle(result.level));
    m_signals->setText(result.fired.isEmpty() ? tr("No risk signal in the text.") : RiskText::signalsWithWords(result));
    const bool high = result.level == RiskLevel::High;
    m_advice->setText(high ? highAdvice() : QString());
    m_advice->setStyleSheet(RiskText::levelStyle(result.level));
    m_advice->setVisible(high);
}

void RiskPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QFrame::changeEvent(event);
}

void RiskPanel::retranslate()
{
    m_title->setText(tr("Public-opinion risk:"));
    showResult(m_result);
}
