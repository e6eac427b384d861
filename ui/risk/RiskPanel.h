#pragma once

#include "risk/RiskResult.h"

#include <QFrame>

class QLabel;

/**
 * The live risk of what the clerk typed (issue 16): level and score, the signals that fired with their words, and,
 * when the case is high, the advice to report to the duty supervisor now. Shown on the intake's Listen and Facts
 * pages; the level is said in words and by an icon shape, never by colour alone.
 */
class RiskPanel : public QFrame
{
    Q_OBJECT

public:
    explicit RiskPanel(QWidget* parent = nullptr);

    void showResult(const RiskResult& result);
    const RiskResult& result() const { return m_result; }
    /** The advice shown for a high case (the words of the advice label). */
    static QString highAdvice();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_title = nullptr;
    QLabel* m_level = nullptr;
    QLabel* m_signals = nullptr;
    QLabel* m_advice = nullptr;
    RiskResult m_result;
};
