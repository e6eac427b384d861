#include "risk/RiskAlertBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

RiskAlertBanner::RiskAlertBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_open(new QPushButton(this))
{
    setObjectName(QStringLiteral("riskAlertBanner"));
    m_label->setObjectName(QStringLiteral("riskAlertBannerLabel"));
    m_open->setObjectName(QStringLiteral("riskAlertOpenButton"));
    m_open->setAutoDefault(false);
    // Dark red on a pale background (≥ 7:1), with a warning sign and the words: never colour alone.
    setStyleSheet(QStringLiteral("#riskAlertBanner { background: #fdecea; border: 1px solid #a00000; }"
                                 "#riskAlertBannerLabel { color: #a00000; font-weight: 600; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    connect(m_open, &QPushButton::clicked, this, &RiskAlertBanner::openQueueRequested);
    retranslate();
    setVisible(false);
}

void RiskAlertBanner::setOpenCount(int openCount)
{
    const bool more = openCount > m_openCount;
    m_openCount = openCount;
    retranslate();
    setVisible(openCount > 0);
    if (more) {
        emit newAlert();
    }
}

void RiskAlertBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QFrame::changeEvent(event);
}

void RiskAlertBanner::retranslate()
{
    m_label->setText(
        tr("\u26a0 %n open high-risk alert(s): report and take it in the risk queue.", nullptr, m_openCount));
    m_open->setText(tr("Open the risk &queue"));
}
