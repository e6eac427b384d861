#pragma once

#include "users/Role.h"

#include <QDialog>
#include <QUrl>

#include <optional>

class QTextBrowser;

/**
 * The user guide (Help ▸ User guide, F1): the Chinese Markdown pages of docs/guide, one per role, embedded under
 * :/guide with the screenshots they show (:/screenshots), rendered by QTextBrowser. Opens on the page of the
 * signed-in role; a tab bar reaches the others.
 */
class GuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GuideDialog(std::optional<Role> role, QWidget* parent = nullptr);

    /** The page of a role (the clerk's when there is none). */
    static QUrl pageOf(std::optional<Role> role);
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser = nullptr;
};
