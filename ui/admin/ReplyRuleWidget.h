#pragma once

#include "reply/ReplyChecker.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>

class DatabaseWorker;
class QSortFilterProxyModel;
class ReplyRuleModel;

namespace Ui {
class ReplyRuleWidget;
}

/**
 * The Reply rules page for administrators: the reply checker's rules in a table; add, edit, retire and restore a
 * rule, and try the rules (with the one being edited) live on a sample reply. Loading and saving run on the
 * database worker, off the GUI thread; the sample is checked in the GUI thread (ReplyChecker is pure and fast).
 */
class ReplyRuleWidget : public QWidget
{
    Q_OBJECT

public:
    ReplyRuleWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~ReplyRuleWidget() override;

    ReplyRuleModel* model() const { return m_model; }
    /** Whether a load or save is under way. */
    bool isBusy() const { return m_busy; }

public slots:
    void reload();
    void newRule();
    void save();
    void toggleActive();

signals:
    /** After every load, successful or not. */
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    const ReplyRule* selectedRule() const;
    void selectId(qint64 id);
    void showRule(const ReplyRule* rule);
    ReplyRule formRule() const;
    void updateButtons();
    void updateTry();
    void showMessage(const QString& message);
    void showError(const QString& message);
    void setBusy(bool busy);
    void applyFilter();
    void retranslate();

    std::unique_ptr<Ui::ReplyRuleWidget> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_loadRequest;
    QList<ReplyRule> m_all; ///< every rule as last loaded, retired ones too
    qint64 m_editingId = 0; ///< the rule in the form; 0 for a new one
    int m_editingVersion = 0;
    qint64 m_selectAfterLoad = 0;
    bool m_busy = false;
    ReplyRuleModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};
