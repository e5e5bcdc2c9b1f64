#include "widgets/connectionsdialog.h"

#include "secrets/keystore.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "ui_connectionsdialog.h"
#include "vendors/connectionprobe.h"

#include <QMessageBox>
#include <QPushButton>

namespace ConsignDesk {

namespace {
const char *const commonCurrencies[] = {"USD", "CAD", "GBP", "EUR", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "ZAR"};
}

ConnectionsDialog::ConnectionsDialog(Sync::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionsDialog>())
    , m_workspace(workspace)
    , m_probe(new Vendors::ConnectionProbe(workspace.http(), this))
{
    m_ui->setupUi(this);
    m_ui->body->setStretch(0, 1);
    m_ui->body->setStretch(1, 2);
    m_ui->list->setMaximumWidth(300);
    // Room for a two- or three-line answer without the form jumping.
    m_ui->message->setMinimumHeight(m_ui->message->fontMetrics().lineSpacing() * 4);
    m_ui->message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (const QString &id : Vendors::ids())
        m_ui->vendor->addItem(Vendors::displayName(*Vendors::fromId(id)), id);
    for (const char *code : commonCurrencies)
        m_ui->currency->addItem(QString::fromLatin1(code));
    m_ui->auth->addItem(tr("API key"), authMethodId(AuthMethod::ApiKey));
    m_ui->auth->addItem(tr("Client id and secret (OAuth)"), authMethodId(AuthMethod::ClientCredentials));
    m_ui->auth->addItem(tr("Access token"), authMethodId(AuthMethod::AccessToken));

    connect(m_ui->vendor, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::vendorChanged);
    connect(m_ui->auth, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::authChanged);
    connect(m_ui->showKey, &QToolButton::toggled, this, [this](bool on) {
        m_ui->key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showKey->setText(on ? tr("Hide") : tr("Show"));
    });
    connect(m_ui->list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_connections.size())
            showConnection(m_connections.at(row));
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, &ConnectionsDialog::startNew);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ConnectionsDialog::removeSelected);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ConnectionsDialog::save);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionsDialog::test);

    reload();
    if (m_connections.isEmpty())
        startNew();
    else
        m_ui->list->setCurrentRow(0);
}

ConnectionsDialog::~ConnectionsDialog() = default;

QString ConnectionsDialog::messageText() const
{
    return m_ui->message->text();
}

void ConnectionsDialog::showMessage(const QString &text, bool good)
{
    m_ui->message->setText(text);
    QPalette palette = m_ui->message->palette();
    palette.setColor(QPalette::WindowText, good ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    m_ui->message->setPalette(palette);
}

void ConnectionsDialog::reload(const QString &selectId)
{
    QString error;
    const auto list = m_workspace.connections().list(&error);
    m_connections = list.value_or(QList<Connection>());
    if (!list)
        showMessage(error, false);
    const QSignalBlocker blocker(m_ui->list);
    m_ui->list->clear();
    int select = -1;
    for (const Connection &c : std::as_const(m_connections)) {
        m_ui->list->addItem(tr("%1 (%2)").arg(c.name, Vendors::displayName(c.vendor)));
        if (c.id == selectId)
            select = int(m_ui->list->count() - 1);
    }
    m_ui->list->setCurrentRow(select);
    m_ui->removeButton->setEnabled(!m_connections.isEmpty());
}

void ConnectionsDialog::startNew()
{
    m_editingId.clear();
    const QSignalBlocker blocker(m_ui->list);
    m_ui->list->clearSelection();
    m_ui->list->setCurrentRow(-1);
    m_ui->name->clear();
    m_ui->key->clear();
    m_ui->clientId->clear();
    m_ui->baseUrl->clear();
    m_prefilledUrl.clear();
    m_ui->currency->setCurrentText(QStringLiteral("USD"));
    m_ui->vendor->setEnabled(true);
    m_ui->key->setPlaceholderText(QString());
    m_ui->message->clear();
    vendorChanged();
    m_ui->name->setFocus();
}

void ConnectionsDialog::showConnection(const Connection &c)
{
    m_editingId = c.id;
    m_ui->vendor->setCurrentIndex(m_ui->vendor->findData(Vendors::id(c.vendor)));
    m_ui->vendor->setEnabled(false); // another vendor is another connection
    m_ui->name->setText(c.name);
    m_ui->baseUrl->setText(c.baseUrl.toString());
    m_prefilledUrl = c.baseUrl;
    m_ui->currency->setCurrentText(c.currency);
    m_ui->auth->setCurrentIndex(m_ui->auth->findData(authMethodId(c.auth)));
    m_ui->clientId->setText(c.clientId);
    m_ui->tokenUrl->setText(c.tokenUrl.toString());
    m_ui->key->clear();
    m_ui->key->setPlaceholderText(tr("Kept in the keychain; type a new one to replace it"));
    m_ui->message->clear();
    authChanged();
}

void ConnectionsDialog::vendorChanged()
{
    const auto vendor = Vendors::fromId(m_ui->vendor->currentData().toString());
    if (!vendor)
        return;
    // Prefill the vendor's real URL unless the manager typed another.
    const QUrl typed(m_ui->baseUrl->text().trimmed());
    if (m_editingId.isEmpty() && (m_ui->baseUrl->text().trimmed().isEmpty() || typed == m_prefilledUrl)) {
        m_prefilledUrl = Vendors::defaultBaseUrl(*vendor);
        m_ui->baseUrl->setText(m_prefilledUrl.toString());
    }
    const bool consignly = *vendor == Vendor::Consignly;
    m_ui->auth->setEnabled(consignly);
    if (!consignly)
        m_ui->auth->setCurrentIndex(0);
    else if (m_editingId.isEmpty())
        m_ui->auth->setCurrentIndex(1);
    if (m_ui->tokenUrl->text().isEmpty())
        m_ui->tokenUrl->setText(Vendors::defaultTokenUrl().toString());
    authChanged();
}

void ConnectionsDialog::authChanged()
{
    const auto auth = authMethodFromId(m_ui->auth->currentData().toString()).value_or(AuthMethod::ApiKey);
    const bool oauth = auth == AuthMethod::ClientCredentials;
    m_ui->clientIdLabel->setVisible(oauth);
    m_ui->clientId->setVisible(oauth);
    m_ui->tokenUrlLabel->setVisible(oauth);
    m_ui->tokenUrl->setVisible(oauth);
    m_ui->authLabel->setVisible(m_ui->auth->isEnabled());
    m_ui->auth->setVisible(m_ui->auth->isEnabled());
    m_ui->keyLabel->setText(oauth ? tr("Client &secret:") : auth == AuthMethod::AccessToken ? tr("Access &token:")
                                                                                            : tr("API &key:"));
}

std::optional<Connection> ConnectionsDialog::connectionFromForm(QString *secret)
{
    Connection c;
    for (const Connection &existing : std::as_const(m_connections)) {
        if (existing.id == m_editingId)
            c = existing;
    }
    c.vendor = Vendors::fromId(m_ui->vendor->currentData().toString()).value_or(Vendor::ConsignCloud);
    c.name = m_ui->name->text().trimmed();
    c.baseUrl = QUrl(m_ui->baseUrl->text().trimmed(), QUrl::StrictMode);
    c.currency = m_ui->currency->currentText().trimmed().toUpper();
    c.auth = authMethodFromId(m_ui->auth->currentData().toString()).value_or(AuthMethod::ApiKey);
    c.clientId = c.auth == AuthMethod::ClientCredentials ? m_ui->clientId->text().trimmed() : QString();
    c.tokenUrl = c.auth == AuthMethod::ClientCredentials ? QUrl(m_ui->tokenUrl->text().trimmed(), QUrl::StrictMode) : QUrl();
    *secret = m_ui->key->text();
    return c;
}

void ConnectionsDialog::save()
{
    QString secret;
    auto connection = connectionFromForm(&secret);
    Sync::ConnectionService &service = m_workspace.connections();
    auto attempt = [&](bool sessionOnly) {
        return m_editingId.isEmpty() ? service.add(*connection, secret, sessionOnly)
                                     : service.update(*connection, secret, sessionOnly);
    };
    auto outcome = attempt(false);
    bool sessionOnly = false;
    if (!outcome.ok && outcome.keyError == Secrets::KeyError::NoBackend) {
        QMessageBox box(QMessageBox::Warning, tr("No keychain"), outcome.error, QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("noKeychainBox"));
        box.setInformativeText(Secrets::KeyStore::noBackendHelp());
        QPushButton *session = box.addButton(tr("Keep for This &Session Only"), QMessageBox::AcceptRole);
        session->setObjectName(QStringLiteral("sessionOnlyButton"));
        box.exec();
        if (box.clickedButton() == session) {
            sessionOnly = true;
            outcome = attempt(true);
        }
    }
    if (!outcome.ok) {
        showMessage(outcome.error, false);
        return;
    }
    reload(connection->id);
    m_editingId = connection->id;
    m_ui->key->clear();
    m_ui->key->setPlaceholderText(sessionOnly ? tr("Kept for this session only; type a new one to replace it")
                                              : tr("Kept in the keychain; type a new one to replace it"));
    QString saved = outcome.notice.isEmpty() ? tr("Saved %1.").arg(connection->name)
                                             : tr("Saved %1. %2").arg(connection->name, outcome.notice);
    if (sessionOnly)
        saved += u' ' + tr("The key is kept in memory for this session only and is forgotten when ConsignDesk closes.");
    showMessage(saved, true);
    Q_EMIT m_workspace.connectionsChanged();
}

void ConnectionsDialog::test()
{
    QString secret;
    auto connection = connectionFromForm(&secret);
    const auto checked = m_workspace.connections().check(*connection, &secret, m_editingId.isEmpty() ? QStringLiteral("-") : m_editingId);
    if (!checked.ok) {
        showMessage(checked.error, false);
        return;
    }
    if (secret.isEmpty()) {
        const Secrets::KeyResult stored = m_workspace.connections().secretOf(*connection);
        if (!stored.ok()) {
            showMessage(m_editingId.isEmpty() ? tr("Type the key to test.") : stored.message, false);
            return;
        }
        secret = stored.secret;
    }
    m_ui->testButton->setEnabled(false);
    showMessage(tr("Testing %1…").arg(connection->baseUrl.host()), true);
    m_probe->run(*connection, secret, [this](const Vendors::ProbeOutcome &outcome) {
        m_ui->testButton->setEnabled(true);
        showMessage(outcome.message, outcome.ok());
    });
}

void ConnectionsDialog::removeSelected()
{
    const int row = m_ui->list->currentRow();
    if (row < 0 || row >= m_connections.size())
        return;
    const Connection connection = m_connections.at(row);
    const auto answer = QMessageBox::question(
        this, tr("Remove Connection"),
        tr("Remove %1? Its key is deleted from the keychain and its cached data from this computer. The store's "
           "own data at %2 is not touched.")
            .arg(connection.name, Vendors::displayName(connection.vendor)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const auto outcome = m_workspace.connections().remove(connection);
    if (!outcome.ok) {
        showMessage(outcome.error, false);
        return;
    }
    reload();
    if (m_connections.isEmpty())
        startNew();
    else
        m_ui->list->setCurrentRow(0);
    showMessage(tr("Removed %1.").arg(connection.name), true);
    Q_EMIT m_workspace.connectionsChanged();
}

} // namespace ConsignDesk
