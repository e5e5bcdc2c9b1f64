<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConsignDesk</source>
        <translation>Über ConsignDesk</translation>
    </message>
    <message>
        <source>ConsignDesk logo</source>
        <translation>ConsignDesk-Logo</translation>
    </message>
    <message>
        <source>ConsignDesk</source>
        <translation>ConsignDesk</translation>
    </message>
    <message>
        <source>A back-office for consignment and resale stores: browse consignors, items, sales, payouts and warehouse stock across ConsignCloud, SimpleConsign, Consignify and Consignly, approve consignor payouts, and export reports, even offline.</source>
        <translation>Ein Backoffice für Kommissions- und Secondhand-Läden: Kommittenten, Artikel, Verkäufe, Auszahlungen und Lagerbestand aus ConsignCloud, SimpleConsign, Consignify und Consignly durchsuchen, Auszahlungen an Kommittenten freigeben und Berichte exportieren, auch offline.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>ConsignDesk: inventory, sales, consignor payouts and reports for consignment and resale stores, across ConsignCloud, SimpleConsign, Consignify and Consignly.
Without a command, the window opens; with one, it runs without a window.</source>
        <translation>ConsignDesk: Bestand, Verkäufe, Auszahlungen an Kommittenten und Berichte für Kommissions- und Secondhand-Läden, über ConsignCloud, SimpleConsign, Consignify und Consignly hinweg.
Ohne Befehl öffnet sich das Fenster; mit einem Befehl läuft es ohne Fenster.</translation>
    </message>
    <message>
        <source>A command from the list below, run without a window.</source>
        <translation>Ein Befehl aus der Liste unten, ausgeführt ohne Fenster.</translation>
    </message>
    <message>
        <source>%1; see consigndesk --help</source>
        <translation>%1; siehe consigndesk --help</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see consigndesk --help</source>
        <translation>unbekannter Befehl „%1“; siehe consigndesk --help</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Keep the cache and the connection list in DIR instead of the usual place.</source>
        <translation>Cache und Verbindungsliste in DIR statt am üblichen Ort aufbewahren.</translation>
    </message>
    <message>
        <source>Open the window on the demo stores: the four vendors emulated on this computer, with generated data.</source>
        <translation>Das Fenster mit den Demo-Läden öffnen: den vier auf diesem Computer emulierten Anbietern, mit generierten Daten.</translation>
    </message>
    <message>
        <source>--demo opens the window; it does not go with a command</source>
        <translation>--demo öffnet das Fenster; es lässt sich nicht mit einem Befehl kombinieren</translation>
    </message>
</context>
<context>
    <name>ConnectionCommand</name>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>add needs --vendor and --name</source>
        <translation>add benötigt --vendor und --name</translation>
    </message>
    <message>
        <source>add needs --api-key-stdin: the key is read from standard input, never from the command line</source>
        <translation>add benötigt --api-key-stdin: Der Schlüssel wird von der Standardeingabe gelesen, niemals von der Befehlszeile</translation>
    </message>
    <message>
        <source>--token-url is for Consignly only</source>
        <translation>--token-url gilt nur für Consignly</translation>
    </message>
    <message>
        <source>Added %1 (%2, %3).</source>
        <translation>%1 hinzugefügt (%2, %3).</translation>
    </message>
    <message>
        <source>No connections yet; add one with: consigndesk connection add</source>
        <translation>Noch keine Verbindungen; fügen Sie eine hinzu mit: consigndesk connection add</translation>
    </message>
    <message>
        <source>give the connection&apos;s name, and nothing else</source>
        <translation>geben Sie nur den Namen der Verbindung an, sonst nichts</translation>
    </message>
    <message>
        <source>no connection named &apos;%1&apos;</source>
        <translation>keine Verbindung namens „%1“</translation>
    </message>
    <message>
        <source>Removed %1, its key and its cached data.</source>
        <translation>%1 mit Schlüssel und zwischengespeicherten Daten entfernt.</translation>
    </message>
    <message>
        <source>Manage the stores&apos; vendor accounts; keys are read from standard input and kept in the system keychain.</source>
        <translation>Die Anbieterkonten der Läden verwalten; Schlüssel werden von der Standardeingabe gelesen und im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>say add, list, remove NAME or test NAME</source>
        <translation>geben Sie add, list, remove NAME oder test NAME an</translation>
    </message>
</context>
<context>
    <name>ConnectionRules</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>The name is too long (at most 80 characters).</source>
        <translation>Der Name ist zu lang (höchstens 80 Zeichen).</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; exists already.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The %1 is not a valid web address (like https://api.example.com/api/v1).</source>
        <translation>„%1“ ist keine gültige Webadresse (z. B. https://api.example.com/api/v1).</translation>
    </message>
    <message>
        <source>The %1 must start with https://.</source>
        <translation>„%1“ muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The %1 must not hold a user name or password; keys go in the key field.</source>
        <translation>„%1“ darf weder Benutzernamen noch Passwort enthalten; Schlüssel gehören in das Schlüsselfeld.</translation>
    </message>
    <message>
        <source>The %1 must not have a query or fragment (?… or #…).</source>
        <translation>„%1“ darf weder Abfrage noch Fragment enthalten (?… oder #…).</translation>
    </message>
    <message>
        <source>The %1 uses plain http to %2; keys must travel encrypted, so use https:// (plain http is only for this computer: localhost, 127.0.0.1, ::1).</source>
        <translation>„%1“ verwendet unverschlüsseltes http zu %2; Schlüssel müssen verschlüsselt übertragen werden, verwenden Sie daher https:// (unverschlüsseltes http ist nur für diesen Computer zulässig: localhost, 127.0.0.1, ::1).</translation>
    </message>
    <message>
        <source>Choose the currency the store&apos;s amounts are in.</source>
        <translation>Wählen Sie die Währung, in der die Beträge des Ladens angegeben sind.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (like USD, EUR, GBP).</source>
        <translation>„%1“ ist kein ISO-4217-Währungscode (z. B. USD, EUR, GBP).</translation>
    </message>
    <message>
        <source>Unknown vendor &quot;%1&quot;; choose one of %2.</source>
        <translation>Unbekannter Anbieter „%1“; wählen Sie einen von %2.</translation>
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation>„%1“ ist leer.</translation>
    </message>
    <message>
        <source>Removed spaces or line breaks around the %1.</source>
        <translation>Leerzeichen oder Zeilenumbrüche vor und nach „%1“ entfernt.</translation>
    </message>
    <message>
        <source>The %1 holds a space or line break inside; paste it again, whole.</source>
        <translation>„%1“ enthält ein Leerzeichen oder einen Zeilenumbruch; fügen Sie den Wert erneut vollständig ein.</translation>
    </message>
</context>
<context>
    <name>ConnectionService</name>
    <message>
        <source>base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Only Consignly signs in with OAuth; %1 takes an API key.</source>
        <translation>Nur Consignly meldet sich per OAuth an; %1 verwendet einen API-Schlüssel.</translation>
    </message>
    <message>
        <source>token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>e.g. Main Street store</source>
        <translation>z. B. Laden in der Hauptstraße</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>&amp;Sign in with:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldemethode</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>&amp;Token-URL:</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>S&amp;peichern</translation>
    </message>
</context>
<context>
    <name>ConsignCloudConnector</name>
    <message>
        <source>ConsignCloud has no resource &quot;%1&quot;</source>
        <translation>ConsignCloud hat keine Ressource „%1“</translation>
    </message>
    <message>
        <source>%1: the API key could not be read: %2</source>
        <translation>%1: Der API-Schlüssel konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no answer: %2</source>
        <translation>%1: keine Antwort: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: the answer is not valid JSON (cut short?)</source>
        <translation>%1: Die Antwort ist kein gültiges JSON (abgeschnitten?)</translation>
    </message>
    <message>
        <source>%1: the next cursor repeats the one just used</source>
        <translation>%1: Der nächste Cursor wiederholt den gerade verwendeten</translation>
    </message>
    <message>
        <source>%1: an empty page claims more rows</source>
        <translation>%1: Eine leere Seite gibt weitere Zeilen an</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a string or an object</source>
        <translation>eine Zeichenkette oder ein Objekt</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; is missing</source>
        <translation>%1: Feld „%2“ fehlt</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; is %3, expected %4</source>
        <translation>%1: Feld „%2“ ist %3, erwartet wird %4</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot;: %3</source>
        <translation>%1: Feld „%2“: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date-time</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date</source>
        <translation>„%1“ ist kein Datum nach ISO 8601</translation>
    </message>
    <message>
        <source>%1 is beyond the exact range of ±2^53</source>
        <translation>%1 liegt außerhalb des exakten Bereichs von ±2^53</translation>
    </message>
    <message>
        <source>%1 is not an exact amount in %2</source>
        <translation>%1 ist kein exakter Betrag in %2</translation>
    </message>
    <message>
        <source>%1 is not a share from 0 to 1</source>
        <translation>%1 ist kein Anteil von 0 bis 1</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::ConnectionsDialog</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Client id and secret (OAuth)</source>
        <translation>Client-ID und Client-Secret (OAuth)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Kept in the keychain; type a new one to replace it</source>
        <translation>Im Schlüsselbund gespeichert; geben Sie einen neuen ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>Keep for This &amp;Session Only</source>
        <translation>Nur für diese &amp;Sitzung behalten</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Saved %1. %2</source>
        <translation>%1 gespeichert. %2</translation>
    </message>
    <message>
        <source>Type the key to test.</source>
        <translation>Geben Sie den Schlüssel ein, um ihn zu testen.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove %1? Its key is deleted from the keychain and its cached data from this computer. The store&apos;s own data at %2 is not touched.</source>
        <translation>%1 entfernen? Der Schlüssel wird aus dem Schlüsselbund gelöscht und die zwischengespeicherten Daten von diesem Computer. Die eigenen Daten des Ladens unter %2 bleiben unberührt.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Kept for this session only; type a new one to replace it</source>
        <translation>Nur für diese Sitzung behalten; geben Sie einen neuen ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>The key is kept in memory for this session only and is forgotten when ConsignDesk closes.</source>
        <translation>Der Schlüssel wird nur für diese Sitzung im Arbeitsspeicher behalten und beim Schließen von ConsignDesk vergessen.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::ConsignorDetail</name>
    <message>
        <source>Consignor details</source>
        <translation>Kommittentendetails</translation>
    </message>
    <message>
        <source>Unnamed consignor</source>
        <translation>Unbenannter Kommittent</translation>
    </message>
    <message>
        <source>Consignor of %1 (%2)</source>
        <translation>Kommittent von %1 (%2)</translation>
    </message>
    <message>
        <source>Deleted or inactivated at the vendor on %1.</source>
        <translation>Am %1 beim Anbieter gelöscht oder deaktiviert.</translation>
    </message>
    <message>
        <source>Archived at the vendor.</source>
        <translation>Beim Anbieter archiviert.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>not reported by %1</source>
        <translation>von %1 nicht gemeldet</translation>
    </message>
    <message>
        <source>Consignor&apos;s share</source>
        <translation>Anteil des Kommittenten</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>On other connections</source>
        <translation>In anderen Verbindungen</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>(the newest %1 of %2)</source>
        <translation>(die neuesten %1 von %2)</translation>
    </message>
    <message>
        <source>No items in the cache.</source>
        <translation>Keine Artikel im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Untitled item</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>No sales in the cache.</source>
        <translation>Keine Verkäufe im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Their share</source>
        <translation>Kommittentenanteil</translation>
    </message>
    <message>
        <source>Paid out in</source>
        <translation>Ausgezahlt in</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>No payouts in the cache.</source>
        <translation>Keine Auszahlungen im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Balance history</source>
        <translation>Saldoverlauf</translation>
    </message>
    <message>
        <source>(the newest %1)</source>
        <translation>(die neuesten %1)</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::DetailView</name>
    <message>
        <source>This record is no longer in the cache.</source>
        <translation>Dieser Datensatz ist nicht mehr im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Wählen Sie eine Zeile aus, um ihre Details anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::ItemDetail</name>
    <message>
        <source>Item details</source>
        <translation>Artikeldetails</translation>
    </message>
    <message>
        <source>Untitled item</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Item of %1 (%2)</source>
        <translation>Artikel von %1 (%2)</translation>
    </message>
    <message>
        <source>Deleted or inactivated at the vendor on %1.</source>
        <translation>Am %1 beim Anbieter gelöscht oder deaktiviert.</translation>
    </message>
    <message>
        <source>Inactive at the vendor.</source>
        <translation>Beim Anbieter inaktiv.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Tag price</source>
        <translation>Etikettenpreis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Inventory type</source>
        <translation>Bestandsart</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>%1 (no consignor record in the cache)</source>
        <translation>%1 (kein Kommittenten-Datensatz im Zwischenspeicher)</translation>
    </message>
    <message>
        <source>Consignor&apos;s share</source>
        <translation>Anteil des Kommittenten</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Online store</source>
        <translation>Onlineshop</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Consignment ends</source>
        <translation>Kommissionsende</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Bild wird geladen …</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>Hosted by the vendor, not downloaded:</source>
        <translation>Beim Anbieter gehostet, nicht heruntergeladen:</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>Preisverlauf</translation>
    </message>
    <message>
        <source>(the newest %1 of %2)</source>
        <translation>(die neuesten %1 von %2)</translation>
    </message>
    <message>
        <source>No price seen yet.</source>
        <translation>Noch kein Preis erfasst.</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Sold in</source>
        <translation>Verkauft in</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::MainWindow</name>
    <message>
        <source>Consignors</source>
        <translation>Kommittenten</translation>
    </message>
    <message>
        <source>The people whose goods you sell, with their splits and balances, from every connected store. Connect a store to see them here.</source>
        <translation>Die Menschen, deren Ware Sie verkaufen, mit ihren Anteilen und Guthaben, aus jedem verbundenen Laden. Verbinden Sie einen Laden, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Everything on your floor and in your back room, with prices, statuses and consignors. Connect a store to see it here.</source>
        <translation>Alles auf Ihrer Verkaufsfläche und im Lager, mit Preisen, Status und Kommittenten. Verbinden Sie einen Laden, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Every sale with its lines, payments and status. Connect a store to see them here.</source>
        <translation>Jeder Verkauf mit seinen Positionen, Zahlungen und seinem Status. Verbinden Sie einen Laden, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>What each consignor is owed and what they have been paid. Connect a store to see it here.</source>
        <translation>Was jedem Kommittenten zusteht und was ihm ausgezahlt wurde. Verbinden Sie einen Laden, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Stock held at your logistics warehouse: logistic units, product lines, serial items and expiry dates. Connect a warehouse to see it here.</source>
        <translation>Bestand in Ihrem Logistiklager: Ladeeinheiten, Produktpositionen, Serienartikel und Verfallsdaten. Verbinden Sie ein Lager, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Sales, inventory, aging, consignor and warehouse reports, for your accountant, your owner or a consignor. Connect a store to build them.</source>
        <translation>Berichte zu Verkäufen, Bestand, Lagerdauer, Kommittenten und Lager, für Ihre Buchhaltung, die Inhaberin oder einen Kommittenten. Verbinden Sie einen Laden, um sie zu erstellen.</translation>
    </message>
    <message>
        <source>No store connected yet</source>
        <translation>Noch kein Laden verbunden</translation>
    </message>
    <message>
        <source>Show the %1 pane</source>
        <translation>Bereich „%1“ anzeigen</translation>
    </message>
    <message>
        <source>Connect a store first</source>
        <translation>Verbinden Sie zuerst einen Laden</translation>
    </message>
    <message>
        <source>Demo stores at %1</source>
        <translation>Demo-Läden unter %1</translation>
    </message>
    <message>
        <source>ConsignCloud, SimpleConsign, Consignify and Consignly, emulated on this computer with generated data</source>
        <translation>ConsignCloud, SimpleConsign, Consignify und Consignly, auf diesem Computer mit generierten Daten emuliert</translation>
    </message>
    <message>
        <source>The demo stores could not start: %1</source>
        <translation>Die Demo-Läden konnten nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The cache could not be opened: %1</source>
        <translation>Der Zwischenspeicher konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The connections could not be read: %1</source>
        <translation>Die Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Store connections: %1</source>
        <translation>Verbundene Läden: %1</translation>
    </message>
    <message>
        <source>Rows and selection</source>
        <translation>Zeilen und Auswahl</translation>
    </message>
    <message>
        <source>That record is no longer in the cache</source>
        <translation>Dieser Datensatz ist nicht mehr im Zwischenspeicher</translation>
    </message>
    <message>
        <source>&amp;Full Sync</source>
        <translation>&amp;Vollständig synchronisieren</translation>
    </message>
    <message>
        <source>Fetch everything again from every connected store</source>
        <translation>Alles erneut von allen verbundenen Geschäften abrufen</translation>
    </message>
    <message>
        <source>Sync &amp;Connection</source>
        <translation>Ver&amp;bindung synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed from one store</source>
        <translation>Änderungen von einem Geschäft abrufen</translation>
    </message>
    <message>
        <source>C&amp;ancel Sync</source>
        <translation>Synchronisierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop syncing; what was fetched so far stays</source>
        <translation>Synchronisierung anhalten; bereits Abgerufenes bleibt erhalten</translation>
    </message>
    <message>
        <source>A&amp;utomatic Sync</source>
        <translation>A&amp;utomatisch synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed from every store every few minutes</source>
        <translation>Alle paar Minuten Änderungen von allen Geschäften abrufen</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <source>Every %1 minutes</source>
        <translation>Alle %1 Minuten</translation>
    </message>
    <message>
        <source>Show Sync &amp;Progress</source>
        <translation>Synchronisierungs&amp;fortschritt anzeigen</translation>
    </message>
    <message>
        <source>Show or hide each connection&apos;s sync state and problems</source>
        <translation>Synchronisierungsstatus und Probleme jeder Verbindung ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop syncing; what was fetched so far stays (%1)</source>
        <translation>Synchronisierung anhalten; bereits Abgerufenes bleibt erhalten (%1)</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message>
        <source>Offline — showing the cached data</source>
        <translation>Offline – zwischengespeicherte Daten werden angezeigt</translation>
    </message>
    <message>
        <source>The stores could not be reached; what you see is from the last sync</source>
        <translation>Die Geschäfte waren nicht erreichbar; die angezeigten Daten stammen aus der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>Fetch what changed from %1</source>
        <translation>Änderungen von %1 abrufen</translation>
    </message>
    <message>
        <source>Fetch what changed from every connected store</source>
        <translation>Änderungen von allen verbundenen Geschäften abrufen</translation>
    </message>
    <message>
        <source>%1 · starting</source>
        <translation>%1 · wird gestartet</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>No store has been synced yet</source>
        <translation>Noch kein Geschäft synchronisiert</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Synchronisierungsproblem: %1</translation>
    </message>
    <message>
        <source>%1 sync problems, the first: %2</source>
        <translation>%1 Synchronisierungsprobleme, das erste: %2</translation>
    </message>
    <message>
        <source>Sync finished at %1</source>
        <translation>Synchronisierung abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Sync cancelled; what was fetched so far stays</source>
        <translation>Synchronisierung abgebrochen; bereits Abgerufenes bleibt erhalten</translation>
    </message>
    <message>
        <source>the keychain is gone</source>
        <translation>der Schlüsselbund ist nicht mehr verfügbar</translation>
    </message>
    <message>
        <source>Payouts cannot be sent: the payout ledger could not be opened (%1)</source>
        <translation>Auszahlungen können nicht gesendet werden: Das Auszahlungsjournal konnte nicht geöffnet werden (%1)</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Models::CacheTableModel</name>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Lesen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Deleted or inactive at the vendor</source>
        <translation>Beim Anbieter gelöscht oder inaktiv</translation>
    </message>
    <message>
        <source>%1 (not sortable)</source>
        <translation>%1 (nicht sortierbar)</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Net::ClientCredentialsToken</name>
    <message>
        <source>Could not get an access token from %1: %2</source>
        <translation>Von %1 konnte kein Zugriffstoken abgerufen werden: %2</translation>
    </message>
    <message>
        <source>%1 refused the client id or secret (%2%3). Check them under File &gt; Connections.</source>
        <translation>%1 hat die Client-ID oder das Client-Secret abgelehnt (%2%3). Prüfen Sie sie unter Datei &gt; Verbindungen.</translation>
    </message>
    <message>
        <source>%1 answered the token request with status %2.</source>
        <translation>%1 hat die Token-Anfrage mit Status %2 beantwortet.</translation>
    </message>
    <message>
        <source>%1 answered the token request without an access token.</source>
        <translation>%1 hat die Token-Anfrage ohne Zugriffstoken beantwortet.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Net::VendorClient</name>
    <message>
        <source>the answer was cut short or is not valid JSON</source>
        <translation>die Antwort wurde abgeschnitten oder ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>The answer of %1 to %2 was cut short or is not valid JSON.</source>
        <translation>Die Antwort von %1 auf %2 wurde abgeschnitten oder ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>%1, %2: %3. Trying again in %4 s (attempt %5 of %6).</source>
        <translation>%1, %2: %3. Neuer Versuch in %4 s (Versuch %5 von %6).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Pausing %1 s for the rate limit of %2.</source>
        <translation>Pause von %1 s wegen der Ratenbegrenzung von %2.</translation>
    </message>
    <message>
        <source>%1 asked to wait %2 s (status %3).</source>
        <translation>%1 hat gebeten, %2 s zu warten (Status %3).</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PanePage</name>
    <message>
        <source>%1 icon</source>
        <translation>Symbol „%1“</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PayoutDetail</name>
    <message>
        <source>(the first %1 of %2)</source>
        <translation>(die ersten %1 von %2)</translation>
    </message>
    <message>
        <source>Payout details</source>
        <translation>Auszahlungsdetails</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>Payout %1</source>
        <translation>Auszahlung %1</translation>
    </message>
    <message>
        <source>Payout of %1 (%2)</source>
        <translation>Auszahlung von %1 (%2)</translation>
    </message>
    <message>
        <source>Deleted or voided at the vendor on %1.</source>
        <translation>Am %1 beim Anbieter gelöscht oder storniert.</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>No lines in the cache.</source>
        <translation>Keine Positionen im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Their share</source>
        <translation>Kommittentenanteil</translation>
    </message>
    <message>
        <source>Untitled item</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Total of the lines: %1</source>
        <translation>Summe der Positionen: %1</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PayoutHistoryView</name>
    <message>
        <source>Payout history</source>
        <translation>Auszahlungsverlauf</translation>
    </message>
    <message>
        <source>Every payout approved in ConsignDesk, newest first. Below: the store&apos;s own record of the selected consignor&apos;s payouts, from the last sync.</source>
        <translation>Alle in ConsignDesk freigegebenen Auszahlungen, neueste zuerst. Darunter: die eigenen Aufzeichnungen des Geschäfts zu den Auszahlungen an den ausgewählten Kommittenten, Stand der letzten Synchronisierung.</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>&amp;Abgleichen</translation>
    </message>
    <message>
        <source>Ask the store whether a payout whose outcome is unknown was made</source>
        <translation>Beim Geschäft nachfragen, ob eine Auszahlung mit unbekanntem Ausgang erfolgt ist</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the whole payout ledger as a CSV file</source>
        <translation>Das gesamte Auszahlungsjournal als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Payout ledger</source>
        <translation>Auszahlungsjournal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Store&apos;s reference</source>
        <translation>Referenz des Geschäfts</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The store&apos;s payouts to this consignor</source>
        <translation>Auszahlungen des Geschäfts an diesen Kommittenten</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>In the ledger as</source>
        <translation>Im Auszahlungsjournal als</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Whether the store has this payout is not known yet: reconcile it</source>
        <translation>Ob das Geschäft diese Auszahlung hat, ist noch unbekannt: Bitte abgleichen</translation>
    </message>
    <message>
        <source>History: %1 in the ledger</source>
        <translation>Verlauf: %1 im Auszahlungsjournal</translation>
    </message>
    <message>
        <source>outcome unknown: %1</source>
        <translation>Ausgang unbekannt: %1</translation>
    </message>
    <message>
        <source>The store&apos;s payouts: select a payout in the ledger</source>
        <translation>Auszahlungen des Geschäfts: Wählen Sie eine Auszahlung im Auszahlungsjournal aus</translation>
    </message>
    <message>
        <source>The store&apos;s payouts could not be read from the cache</source>
        <translation>Die Auszahlungen des Geschäfts konnten nicht aus dem Cache gelesen werden</translation>
    </message>
    <message>
        <source>%1 at %2: the cache has no payouts from the store (sync to see new ones)</source>
        <translation>%1 bei %2: Der Cache enthält keine Auszahlungen des Geschäfts (synchronisieren Sie, um neue zu sehen)</translation>
    </message>
    <message>
        <source>Payouts to %1 that %2 has, as of the last sync: %3</source>
        <translation>Auszahlungen an %1, die bei %2 vorliegen, Stand der letzten Synchronisierung: %3</translation>
    </message>
    <message>
        <source>%1 cannot be reconciled: the store %2 is no longer connected</source>
        <translation>%1 kann nicht abgeglichen werden: Das Geschäft %2 ist nicht mehr verbunden</translation>
    </message>
    <message>
        <source>%1 cannot be reconciled: %2</source>
        <translation>%1 kann nicht abgeglichen werden: %2</translation>
    </message>
    <message>
        <source>Asking %1 about %2…</source>
        <translation>%1 wird zu %2 befragt…</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1 is still unsettled: %2</source>
        <translation>%1 ist noch ungeklärt: %2</translation>
    </message>
    <message>
        <source>Export the Payout Ledger</source>
        <translation>Auszahlungsjournal exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The ledger was saved to %1.</source>
        <translation>Das Auszahlungsjournal wurde unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>The ledger could not be saved to %1: %2</source>
        <translation>Das Auszahlungsjournal konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Save &amp;Statement…</source>
        <translation>Abrechnung &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the consignor&apos;s statement of the selected payout as a PDF</source>
        <translation>Die Abrechnung der gewählten Auszahlung für den Kommittenten als PDF speichern</translation>
    </message>
    <message>
        <source>no payout is selected</source>
        <translation>keine Auszahlung ausgewählt</translation>
    </message>
    <message>
        <source>Save the Consignor&apos;s Statement</source>
        <translation>Abrechnung für den Kommittenten speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The statement of %1 was saved to %2.</source>
        <translation>Die Abrechnung von %1 wurde in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The statement could not be saved to %1: %2</source>
        <translation>Die Abrechnung konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PayoutReviewDialog</name>
    <message>
        <source>Review Payouts</source>
        <translation>Auszahlungen prüfen</translation>
    </message>
    <message>
        <source>The payouts below are sent to their stores one after another. Check each consignor and amount, and preview the statements, before you send: a payout cannot be taken back from here.</source>
        <translation>Die folgenden Auszahlungen werden nacheinander an ihre Geschäfte gesendet. Prüfen Sie vor dem Senden jeden Kommittenten und Betrag und sehen Sie sich die Abrechnungen in der Vorschau an: Eine Auszahlung kann von hier aus nicht zurückgenommen werden.</translation>
    </message>
    <message>
        <source>Payouts to send</source>
        <translation>Zu sendende Auszahlungen</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Summe: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Totals: %1&lt;/b&gt; (one per currency)</source>
        <translation>&lt;b&gt;Summen: %1&lt;/b&gt; (eine je Währung)</translation>
    </message>
    <message>
        <source>Total per currency</source>
        <translation>Summe je Währung</translation>
    </message>
    <message>
        <source>&amp;Print Preview…</source>
        <translation>&amp;Druckvorschau…</translation>
    </message>
    <message>
        <source>The consignors&apos; statements, as they would print</source>
        <translation>Die Abrechnungen der Kommittenten, wie sie gedruckt würden</translation>
    </message>
    <message>
        <source>Ask once more when a total is above</source>
        <translation>Erneut nachfragen, wenn eine Summe höher ist als</translation>
    </message>
    <message>
        <source>In each currency&apos;s own money: a total above this asks for a second confirmation</source>
        <translation>In der jeweiligen Währung: Eine höhere Summe erfordert eine zweite Bestätigung</translation>
    </message>
    <message>
        <source>Ask once more when a currency&apos;s total is &amp;above:</source>
        <translation>Erneut nachfragen bei einer Währungssumme &amp;über:</translation>
    </message>
    <message>
        <source>I have &amp;checked these payouts and want to send them</source>
        <translation>Ich habe diese Auszahlungen &amp;geprüft und möchte sie senden</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Consignor statements</source>
        <translation>Kommittentenabrechnungen</translation>
    </message>
    <message>
        <source>Statements — Print Preview</source>
        <translation>Abrechnungen — Druckvorschau</translation>
    </message>
    <message>
        <source>Send Large Payouts?</source>
        <translation>Große Auszahlungen senden?</translation>
    </message>
    <message>
        <source>These payouts add up to %1, above the %2 that asks for a second look.</source>
        <translation>Diese Auszahlungen ergeben zusammen %1 und liegen damit über dem Wert von %2, ab dem erneut nachgefragt wird.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Send them now?</source>
        <translation>Jetzt senden?</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Send</source>
        <translation>&amp;Nicht senden</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Every payout is confirmed by its store.</source>
        <translation>Alle Auszahlungen wurden von ihrem Geschäft bestätigt.</translation>
    </message>
    <message>
        <source>%1 of %2 confirmed; the others did not go through or their outcome is unknown: see each row&apos;s result.</source>
        <translation>%1 von %2 bestätigt; die übrigen sind nicht durchgegangen oder ihr Ausgang ist unbekannt: Siehe das Ergebnis in jeder Zeile.</translation>
    </message>
    <message>
        <source>Sending %1 of %2: %3…</source>
        <translation>%1 von %2 wird gesendet: %3…</translation>
    </message>
    <message>
        <source>(The dialog can be closed once every payout has its outcome.)</source>
        <translation>(Der Dialog kann geschlossen werden, sobald für jede Auszahlung ein Ergebnis vorliegt.)</translation>
    </message>
    <message>
        <source>Not sent: the payout service is gone</source>
        <translation>Nicht gesendet: Der Auszahlungsdienst ist nicht mehr verfügbar</translation>
    </message>
    <message>
        <source>Not sent: the store %1 is no longer connected</source>
        <translation>Nicht gesendet: Das Geschäft %1 ist nicht mehr verbunden</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Bestätigt: %1</translation>
    </message>
    <message>
        <source>Confirmed: %1 at the store (%2)</source>
        <translation>Bestätigt: %1 beim Geschäft (%2)</translation>
    </message>
    <message>
        <source>Outcome unknown (%1): %2</source>
        <translation>Ausgang unbekannt (%1): %2</translation>
    </message>
    <message>
        <source>Reconcile it from the History tab before paying this consignor again.</source>
        <translation>Gleichen Sie sie auf der Registerkarte „Verlauf“ ab, bevor Sie diesen Kommittenten erneut bezahlen.</translation>
    </message>
    <message>
        <source>Failed (%1, %2): %3</source>
        <translation>Fehlgeschlagen (%1, %2): %3</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts</name>
    <message>
        <source>approved, not sent</source>
        <translation>freigegeben, nicht gesendet</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>rejected by the vendor</source>
        <translation>vom Anbieter abgelehnt</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ausgang unbekannt</translation>
    </message>
    <message>
        <source>not paid (the vendor has no such payout)</source>
        <translation>nicht ausgezahlt (der Anbieter hat keine solche Auszahlung)</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts::ConsignCloudGateway</name>
    <message>
        <source>the API key could not be read: %1</source>
        <translation>der API-Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: the answer does not list the payout</source>
        <translation>%1: Die Antwort führt die Auszahlung nicht auf</translation>
    </message>
    <message>
        <source>found among the account&apos;s payouts by its reference %1</source>
        <translation>unter den Auszahlungen des Kontos anhand der Referenz %1 gefunden</translation>
    </message>
    <message>
        <source>the account&apos;s payouts hold none with the reference %1</source>
        <translation>unter den Auszahlungen des Kontos ist keine mit der Referenz %1</translation>
    </message>
    <message>
        <source>%1: the listing does not advance</source>
        <translation>%1: Die Auflistung kommt nicht voran</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts::ConsignifyGateway</name>
    <message>
        <source>the API key could not be read: %1</source>
        <translation>der API-Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: the answer does not name the payout</source>
        <translation>%1: Die Antwort nennt die Auszahlung nicht</translation>
    </message>
    <message>
        <source>found among the consignor&apos;s payouts by the note %1</source>
        <translation>unter den Auszahlungen des Kommittenten anhand der Notiz %1 gefunden</translation>
    </message>
    <message>
        <source>the consignor&apos;s payouts hold none noted %1</source>
        <translation>unter den Auszahlungen des Kommittenten ist keine mit der Notiz %1</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts::Ledger</name>
    <message>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <source>a payout must be more than zero</source>
        <translation>eine Auszahlung muss größer als null sein</translation>
    </message>
    <message>
        <source>the ledger could not be written: %1</source>
        <translation>das Auszahlungsjournal konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>%1 already has a payout %2 (%3, approved by %4 on %5)</source>
        <translation>%1 hat bereits eine Auszahlung %2 (%3, freigegeben von %4 am %5)</translation>
    </message>
    <message>
        <source>approved by %1 for %2 minor units of %3</source>
        <translation>freigegeben von %1 über %2 Untereinheiten von %3</translation>
    </message>
    <message>
        <source>the payout is no longer waiting to be sent</source>
        <translation>die Auszahlung wartet nicht mehr auf das Senden</translation>
    </message>
    <message>
        <source>no payout %1 in the ledger</source>
        <translation>keine Auszahlung %1 im Auszahlungsjournal</translation>
    </message>
    <message>
        <source>the program stopped while sending; the vendor&apos;s payouts must be read before anything is sent</source>
        <translation>das Programm wurde während des Sendens beendet; die Auszahlungen des Anbieters müssen gelesen werden, bevor etwas gesendet wird</translation>
    </message>
    <message>
        <source>the program stopped after the approval was recorded; the vendor&apos;s payouts must be read before anything is sent</source>
        <translation>das Programm wurde nach dem Erfassen der Freigabe beendet; die Auszahlungen des Anbieters müssen gelesen werden, bevor etwas gesendet wird</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts::PayoutGateway</name>
    <message>
        <source>no key source</source>
        <translation>keine Schlüsselquelle</translation>
    </message>
    <message>
        <source>%1: stopped before an answer came</source>
        <translation>%1: abgebrochen, bevor eine Antwort kam</translation>
    </message>
    <message>
        <source>%1: no answer: %2</source>
        <translation>%1: keine Antwort: %2</translation>
    </message>
    <message>
        <source>%1: the answer was cut short or garbled</source>
        <translation>%1: Die Antwort war abgeschnitten oder fehlerhaft</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Payouts::PayoutService</name>
    <message>
        <source>another ConsignDesk (process %1) is sending payouts; try again when it has finished</source>
        <translation>eine andere ConsignDesk-Instanz (Prozess %1) sendet gerade Auszahlungen; versuchen Sie es erneut, wenn sie fertig ist</translation>
    </message>
    <message>
        <source>a payout is being sent; wait for its outcome</source>
        <translation>eine Auszahlung wird gerade gesendet; warten Sie auf ihr Ergebnis</translation>
    </message>
    <message>
        <source>%1 does not take payouts from ConsignDesk</source>
        <translation>%1 nimmt keine Auszahlungen von ConsignDesk an</translation>
    </message>
    <message>
        <source>the ledger could not be written: %1</source>
        <translation>das Auszahlungsjournal konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>an earlier payout %1 of %2 turned out to have gone through; nothing more was sent — sync and check what is owed now</source>
        <translation>eine frühere Auszahlung %1 über %2 ist doch durchgegangen; es wurde nichts weiter gesendet — synchronisieren Sie und prüfen Sie, was jetzt offen ist</translation>
    </message>
    <message>
        <source>an earlier payout %1 has an unknown outcome (%2); nothing is sent until it is settled</source>
        <translation>eine frühere Auszahlung %1 hat einen unbekannten Ausgang (%2); bis sie geklärt ist, wird nichts gesendet</translation>
    </message>
    <message>
        <source>the ledger could not be written, so nothing was sent: %1</source>
        <translation>das Auszahlungsjournal konnte nicht geschrieben werden, daher wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>the vendor confirmed payout %1</source>
        <translation>der Anbieter hat die Auszahlung %1 bestätigt</translation>
    </message>
    <message>
        <source>the payout went through but the ledger could not record it (%1); it will be found at the vendor before anything else is sent</source>
        <translation>die Auszahlung ist durchgegangen, konnte aber nicht im Auszahlungsjournal erfasst werden (%1); sie wird beim Anbieter ermittelt, bevor etwas anderes gesendet wird</translation>
    </message>
    <message>
        <source>%1; but the vendor has it (%2): the request was delivered more than once and only one payout was made</source>
        <translation>%1; der Anbieter hat sie aber (%2): Die Anfrage wurde mehrfach zugestellt, und es wurde nur eine Auszahlung ausgeführt</translation>
    </message>
    <message>
        <source>%1; the vendor has it (%2)</source>
        <translation>%1; der Anbieter hat sie (%2)</translation>
    </message>
    <message>
        <source>%1; the vendor has no such payout yet (%2), but a request can still land a while after its answer is lost: check again after %3 (consigndesk payouts reconcile)</source>
        <translation>%1; der Anbieter hat noch keine solche Auszahlung (%2), aber eine Anfrage kann noch eine Weile nach dem Verlust ihrer Antwort ankommen: Prüfen Sie nach %3 erneut (consigndesk payouts reconcile)</translation>
    </message>
    <message>
        <source>%1; the vendor has no such payout (%2): it was not paid; paying needs a new approval</source>
        <translation>%1; der Anbieter hat keine solche Auszahlung (%2): Sie wurde nicht ausgezahlt; für eine Auszahlung ist eine neue Freigabe nötig</translation>
    </message>
    <message>
        <source>%1; the vendor&apos;s payouts could not be read to find out (%2)</source>
        <translation>%1; die Auszahlungen des Anbieters konnten zur Klärung nicht gelesen werden (%2)</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PayoutsDueView</name>
    <message>
        <source>Payouts due</source>
        <translation>Fällige Auszahlungen</translation>
    </message>
    <message>
        <source>Search consignors by name or id</source>
        <translation>Kommittenten nach Name oder ID suchen</translation>
    </message>
    <message>
        <source>Search consignors</source>
        <translation>Kommittenten suchen</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Minimum amount owed</source>
        <translation>Mindestens offener Betrag</translation>
    </message>
    <message>
        <source>Only consignors owed at least this much, in their store&apos;s currency</source>
        <translation>Nur Kommittenten, denen mindestens dieser Betrag geschuldet wird, in der Währung ihres Geschäfts</translation>
    </message>
    <message>
        <source>any amount</source>
        <translation>beliebiger Betrag</translation>
    </message>
    <message>
        <source>S&amp;tore:</source>
        <translation>&amp;Geschäft:</translation>
    </message>
    <message>
        <source>Owed at &amp;least:</source>
        <translation>&amp;Offen ab:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read again what is owed, from the cache (%1)</source>
        <translation>Offene Beträge erneut aus dem Cache lesen (%1)</translation>
    </message>
    <message>
        <source>Consignors owed</source>
        <translation>Kommittenten mit offenen Beträgen</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Lines behind the amount owed</source>
        <translation>Positionen, aus denen sich der offene Betrag ergibt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Selected payouts</source>
        <translation>Ausgewählte Auszahlungen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Review the selected payouts before anything is sent (%1)</source>
        <translation>Die ausgewählten Auszahlungen prüfen, bevor etwas gesendet wird (%1)</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Alle Geschäfte</translation>
    </message>
    <message>
        <source>The connections could not be read: %1</source>
        <translation>Die Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>What is owed could not be read: %1</source>
        <translation>Die offenen Beträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Consignors owed: %1</source>
        <translation>Kommittenten mit offenen Beträgen: %1</translation>
    </message>
    <message>
        <source>Consignors owed: %1 of %2</source>
        <translation>Kommittenten mit offenen Beträgen: %1 von %2</translation>
    </message>
    <message>
        <source>%1 selected: %2</source>
        <translation>%1 ausgewählt: %2</translation>
    </message>
    <message>
        <source>Select the consignors to pay (Shift or Ctrl for more than one)</source>
        <translation>Wählen Sie die zu bezahlenden Kommittenten aus (Umschalt oder Strg für mehrere)</translation>
    </message>
    <message>
        <source>Lines: select a consignor to see what makes up the amount owed</source>
        <translation>Positionen: Wählen Sie einen Kommittenten aus, um zu sehen, woraus sich der offene Betrag zusammensetzt</translation>
    </message>
    <message>
        <source>Lines of %1 at %2: %3</source>
        <translation>Positionen von %1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PayoutsPane</name>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <source>Consignors owed money: review and send their payouts</source>
        <translation>Kommittenten mit offenen Beträgen: Auszahlungen prüfen und senden</translation>
    </message>
    <message>
        <source>&amp;Paid</source>
        <translation>&amp;Bezahlt</translation>
    </message>
    <message>
        <source>The payouts each store has recorded, from the last sync</source>
        <translation>Die von jedem Geschäft erfassten Auszahlungen, Stand der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Every payout approved here, with its outcome, beside the store&apos;s own record</source>
        <translation>Alle hier freigegebenen Auszahlungen mit ihrem Ergebnis, neben den eigenen Aufzeichnungen des Geschäfts</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::ProposalModel</name>
    <message>
        <source>%1 (id %2 at %3)</source>
        <translation>%1 (ID %2 bei %3)</translation>
    </message>
    <message>
        <source>The oldest unpaid line: %1</source>
        <translation>Älteste unbezahlte Position: %1</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Oldest unpaid sale</source>
        <translation>Ältester unbezahlter Verkauf</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Reports</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Inventory type</source>
        <translation>Bestandsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alle Daten</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Sales summary</source>
        <translation>Verkaufsübersicht</translation>
    </message>
    <message>
        <source>Inventory valuation</source>
        <translation>Bestandsbewertung</translation>
    </message>
    <message>
        <source>Inventory aging</source>
        <translation>Lagerdauer</translation>
    </message>
    <message>
        <source>no report named &apos;%1&apos;</source>
        <translation>kein Bericht namens „%1“</translation>
    </message>
    <message>
        <source>%1 has no grouping</source>
        <translation>%1 hat keine Gruppierung</translation>
    </message>
    <message>
        <source>%1 groups by %2, not &apos;%3&apos;</source>
        <translation>%1 wird nach %2 gruppiert, nicht nach „%3“</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Days on the floor</source>
        <translation>Tage im Verkauf</translation>
    </message>
    <message>
        <source>Consignments expiring</source>
        <translation>Auslaufende Kommissionsware</translation>
    </message>
    <message>
        <source>Consignor statement</source>
        <translation>Abrechnung für Kommittenten</translation>
    </message>
    <message>
        <source>Payouts history</source>
        <translation>Auszahlungsverlauf</translation>
    </message>
    <message>
        <source>Warehouse stock</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <source>Consumables per consignment</source>
        <translation>Verbrauchsmaterial je Sendung</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>consignor-statement needs a consignor</source>
        <translation>consignor-statement braucht einen Kommittenten</translation>
    </message>
    <message>
        <source>Consignor statement: %1</source>
        <translation>Abrechnung für Kommittenten: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>ConsignDesk state</source>
        <translation>Stand in ConsignDesk</translation>
    </message>
    <message>
        <source>Batches expiring within %1 days</source>
        <translation>Chargen, die innerhalb von %1 Tagen verfallen</translation>
    </message>
    <message>
        <source>Dangerous goods in stock</source>
        <translation>Gefahrgut im Bestand</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>Produktcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Verfallsdatum</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>UN number</source>
        <translation>UN-Nummer</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>Sendung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Consignments expiring within %1 days</source>
        <translation>Kommissionsware, die innerhalb von %1 Tagen ausläuft</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft aus</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::ReportsPane</name>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Inventory type</source>
        <translation>Bestandsart</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>Innerhalb von Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Consignor:</source>
        <translation>&amp;Kommittent:</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>Inner&amp;halb:</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>Ge&amp;schäft:</translation>
    </message>
    <message>
        <source>Report result</source>
        <translation>Berichtsergebnis</translation>
    </message>
    <message>
        <source>Report chart</source>
        <translation>Berichtsdiagramm</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Alle Geschäfte</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &quot;To&quot; date on or after the &quot;From&quot; date.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wählen Sie ein „Bis“-Datum am oder nach dem „Von“-Datum.</translation>
    </message>
    <message>
        <source>The report could not be run: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Nothing to report for these parameters.</source>
        <translation>Für diese Angaben gibt es nichts zu berichten.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 (in each currency)</source>
        <translation>%1 (je Währung)</translation>
    </message>
    <message>
        <source>Choose a file ending in .csv, .xlsx or .pdf.</source>
        <translation>Wählen Sie eine Datei mit der Endung .csv, .xlsx oder .pdf.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Choose a file ending in .png or .pdf.</source>
        <translation>Wählen Sie eine Datei mit der Endung .png oder .pdf.</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;Excel-Arbeitsmappe (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The table could not be exported: %1</source>
        <translation>Die Tabelle konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The chart could not be exported: %1</source>
        <translation>Das Diagramm konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::SaleDetail</name>
    <message>
        <source>(the first %1 of %2)</source>
        <translation>(die ersten %1 von %2)</translation>
    </message>
    <message>
        <source>Sale details</source>
        <translation>Verkaufsdetails</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Verkauf %1</translation>
    </message>
    <message>
        <source>Sale of %1 (%2)</source>
        <translation>Verkauf von %1 (%2)</translation>
    </message>
    <message>
        <source>Deleted or voided at the vendor on %1.</source>
        <translation>Am %1 beim Anbieter gelöscht oder storniert.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>No lines in the cache.</source>
        <translation>Keine Positionen im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Consignor</source>
        <translation>Kommittent</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Their share</source>
        <translation>Kommittentenanteil</translation>
    </message>
    <message>
        <source>Paid out in</source>
        <translation>Ausgezahlt in</translation>
    </message>
    <message>
        <source>Untitled item</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Secrets::KeyStore</name>
    <message>
        <source>No key is stored for %1.</source>
        <translation>Für %1 ist kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>This computer has no keychain to keep API keys in (%1).</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, in dem API-Schlüssel aufbewahrt werden können (%1).</translation>
    </message>
    <message>
        <source>The keychain refused access to %1 (%2).</source>
        <translation>Der Schlüsselbund hat den Zugriff auf %1 verweigert (%2).</translation>
    </message>
    <message>
        <source>The keychain failed for %1: %2</source>
        <translation>Fehler im Schlüsselbund bei %1: %2</translation>
    </message>
    <message>
        <source>ConsignDesk keeps API keys only in your system&apos;s keychain, never in a file. None is running on this computer. On a GNOME desktop install and start gnome-keyring (Debian package &apos;gnome-keyring&apos;); on KDE, KWallet (&apos;kwalletmanager&apos;). Any keychain that offers the Secret Service works. Until then, a key can be kept for this session only: it is forgotten when ConsignDesk closes.</source>
        <translation>ConsignDesk bewahrt API-Schlüssel nur im Schlüsselbund Ihres Systems auf, niemals in einer Datei. Auf diesem Computer läuft keiner. Installieren und starten Sie auf einem GNOME-Desktop gnome-keyring (Debian-Paket „gnome-keyring“), unter KDE KWallet („kwalletmanager“). Jeder Schlüsselbund, der den Secret Service anbietet, funktioniert. Bis dahin kann ein Schlüssel nur für diese Sitzung aufbewahrt werden: Er wird vergessen, wenn ConsignDesk geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Sync::SyncRun</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>the cache could not be written: %1</source>
        <translation>der Zwischenspeicher konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the complete listing came back empty while the cache holds %1 rows of it; nothing was marked deleted</source>
        <translation>die vollständige Auflistung kam leer zurück, obwohl der Zwischenspeicher %1 Zeilen davon enthält; nichts wurde als gelöscht markiert</translation>
    </message>
    <message>
        <source>the cache&apos;s indexes could not be rebuilt: %1</source>
        <translation>die Indizes des Zwischenspeichers konnten nicht neu aufgebaut werden: %1</translation>
    </message>
    <message>
        <source>not tried: the store could not be reached</source>
        <translation>nicht versucht: das Geschäft war nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Sync::Worker</name>
    <message>
        <source>%1 (%2): this version cannot sync %2 yet</source>
        <translation>%1 (%2): Diese Version kann %2 noch nicht synchronisieren</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::SyncController</name>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::SyncPanel</name>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Sync state of each connection</source>
        <translation>Synchronisierungsstatus jeder Verbindung</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Details of the chosen connection&apos;s sync</source>
        <translation>Details zur Synchronisierung der gewählten Verbindung</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 deleted</source>
        <translation>%1 neu, %2 geändert, %3 unverändert, %4 gelöscht</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop syncing; what was fetched so far stays</source>
        <translation>Synchronisierung anhalten; bereits Abgerufenes bleibt erhalten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Sync %1 again</source>
        <translation>%1 erneut synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed from %1</source>
        <translation>Änderungen von %1 abrufen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::TablePane</name>
    <message>
        <source>Search items: title, SKU, brand, description (Ctrl+F)</source>
        <translation>Artikel suchen: Titel, SKU, Marke, Beschreibung (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search consignors: name, email, number, company (Ctrl+F)</source>
        <translation>Kommittenten suchen: Name, E-Mail, Nummer, Firma (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search sales: number, customer (Ctrl+F)</source>
        <translation>Verkäufe suchen: Nummer, Kunde (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search payouts: reference, note (Ctrl+F)</source>
        <translation>Auszahlungen suchen: Referenz, Notiz (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search stock: product code, name, batch, SSCC (Ctrl+F)</source>
        <translation>Bestand suchen: Produktcode, Name, Charge, SSCC (Ctrl+F)</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Artikel: %1</translation>
    </message>
    <message>
        <source>Consignors: %1</source>
        <translation>Kommittenten: %1</translation>
    </message>
    <message>
        <source>Sales: %1</source>
        <translation>Verkäufe: %1</translation>
    </message>
    <message>
        <source>Payouts: %1</source>
        <translation>Auszahlungen: %1</translation>
    </message>
    <message>
        <source>Stock lines: %1</source>
        <translation>Bestandspositionen: %1</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>All consignors</source>
        <translation>Alle Kommittenten</translation>
    </message>
    <message>
        <source>All sales</source>
        <translation>Alle Verkäufe</translation>
    </message>
    <message>
        <source>All payouts</source>
        <translation>Alle Auszahlungen</translation>
    </message>
    <message>
        <source>All stock lines</source>
        <translation>Alle Bestandspositionen</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>Filter ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Saved views: a named search, filters, columns and sort</source>
        <translation>Gespeicherte Ansichten: eine benannte Suche mit Filtern, Spalten und Sortierung</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>&amp;Ansichten</translation>
    </message>
    <message>
        <source>Manage saved views</source>
        <translation>Gespeicherte Ansichten verwalten</translation>
    </message>
    <message>
        <source>&amp;Save View As…</source>
        <translation>Ansicht &amp;speichern unter …</translation>
    </message>
    <message>
        <source>&amp;Delete This View</source>
        <translation>Diese Ansicht &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Clear Search and Filters</source>
        <translation>Suche und Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Rechtsklick zum Auswählen der Spalten</translation>
    </message>
    <message>
        <source>Copied the first %1 rows (at most %2 at a time)</source>
        <translation>Die ersten %1 Zeilen kopiert (höchstens %2 auf einmal)</translation>
    </message>
    <message>
        <source>Copied %1 rows</source>
        <translation>%1 Zeilen kopiert</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>A name for this search, its filters, columns and sort:</source>
        <translation>Ein Name für diese Suche mit ihren Filtern, Spalten und Sortierung:</translation>
    </message>
    <message>
        <source> · %1 selected</source>
        <translation> · %1 ausgewählt</translation>
    </message>
    <message>
        <source> · %1: %2</source>
        <translation> · %1: %2</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Saved the view “%1”</source>
        <translation>Ansicht „%1“ gespeichert</translation>
    </message>
    <message>
        <source>&amp;Export This View…</source>
        <translation>Diese Ansicht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the rows and columns shown as CSV, Excel or PDF</source>
        <translation>Die angezeigten Zeilen und Spalten als CSV, Excel oder PDF speichern</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Export This View</source>
        <translation>Diese Ansicht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx);;PDF files (*.pdf)</source>
        <translation>CSV-Dateien (*.csv);;Excel-Arbeitsmappen (*.xlsx);;PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 exportiert</translation>
    </message>
    <message>
        <source>The view could not be exported to %1: %2</source>
        <translation>Die Ansicht konnte nicht nach %1 exportiert werden: %2</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::Vendors::ConnectionProbe</name>
    <message>
        <source>The secure connection to %1 failed: %2. ConsignDesk only talks to servers whose certificate can be verified; check the base URL, the computer&apos;s clock and any proxy.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. ConsignDesk kommuniziert nur mit Servern, deren Zertifikat überprüft werden kann; prüfen Sie die Basis-URL, die Uhrzeit des Computers und einen etwaigen Proxy.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check the base URL and the network.</source>
        <translation>%1 konnte nicht erreicht werden: %2. Prüfen Sie die Basis-URL und das Netzwerk.</translation>
    </message>
    <message>
        <source>Connected to %1 at %2: the key works.</source>
        <translation>Mit %1 unter %2 verbunden: Der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>%1 refused the key (%2). Check that it was copied whole and is still active.</source>
        <translation>%1 hat den Schlüssel abgelehnt (%2). Prüfen Sie, ob er vollständig kopiert wurde und noch aktiv ist.</translation>
    </message>
    <message>
        <source>%1 accepted the key but refused access (403). Give the key the permissions ConsignDesk reads with.</source>
        <translation>%1 hat den Schlüssel akzeptiert, aber den Zugriff verweigert (403). Erteilen Sie dem Schlüssel die Berechtigungen, mit denen ConsignDesk liest.</translation>
    </message>
    <message>
        <source>The key lacks the permission %1 (403). Give it that permission in %2 and test again.</source>
        <translation>Dem Schlüssel fehlt die Berechtigung %1 (403). Erteilen Sie sie ihm in %2 und testen Sie erneut.</translation>
    </message>
    <message>
        <source>%1 is busy or limiting requests (%2); try again in a few minutes.</source>
        <translation>%1 ist ausgelastet oder begrenzt Anfragen (%2); versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>%1 answered with status %2, which the test did not expect.</source>
        <translation>%1 hat mit Status %2 geantwortet, den der Test nicht erwartet hat.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::WarehouseDetail</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>Blocklager</translation>
    </message>
    <message>
        <source>racking</source>
        <translation>Regallager</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>transitional</source>
        <translation>Übergangsbereich</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stock line details</source>
        <translation>Details der Bestandsposition</translation>
    </message>
    <message>
        <source>Logistic unit, its product lines and serial items</source>
        <translation>Ladeeinheit mit ihren Produktpositionen und Serienartikeln</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Available
/ on hand</source>
        <translation>Verfügbar
/ Bestand</translation>
    </message>
    <message>
        <source>Location
(type)</source>
        <translation>Lagerplatz
(Typ)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Best
before</source>
        <translation>Mindest-
haltbarkeit</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Verfallsdatum</translation>
    </message>
    <message>
        <source>Dangerous
goods</source>
        <translation>Gefahr-
gut</translation>
    </message>
    <message>
        <source>Consumables of the consignment</source>
        <translation>Verbrauchsmaterial der Sendung</translation>
    </message>
    <message>
        <source>Consumable</source>
        <translation>Verbrauchsmaterial</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Stock line of %1 (%2)</source>
        <translation>Bestandsposition von %1 (%2)</translation>
    </message>
    <message>
        <source>No longer listed by the warehouse since %1.</source>
        <translation>Seit %1 nicht mehr vom Lager geführt.</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>Produktcode</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Logistic unit</source>
        <translation>Ladeeinheit</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <source>Serial tracking</source>
        <translation>Seriennummernverfolgung</translation>
    </message>
    <message>
        <source>Serial numbers required</source>
        <translation>Seriennummern erforderlich</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Einheit %1</translation>
    </message>
    <message>
        <source>SSCC %1</source>
        <translation>SSCC %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>UN %1</source>
        <translation>UN %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Ja: %1</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (heute)</translation>
    </message>
    <message>
        <source>%1 (tomorrow)</source>
        <translation>%1 (morgen)</translation>
    </message>
    <message>
        <source>%1 (in %2 days)</source>
        <translation>%1 (in %2 Tagen)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expires within %1 days</source>
        <translation>Läuft innerhalb von %1 Tagen ab</translation>
    </message>
    <message>
        <source>… more serial items, not shown</source>
        <translation>… weitere Serienartikel, nicht angezeigt</translation>
    </message>
    <message>
        <source>Serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <source>Consumables</source>
        <translation>Verbrauchsmaterial</translation>
    </message>
    <message>
        <source>This unit is not part of a consignment.</source>
        <translation>Diese Einheit gehört zu keiner Sendung.</translation>
    </message>
    <message>
        <source>Consumables of consignment %1</source>
        <translation>Verbrauchsmaterial der Sendung %1</translation>
    </message>
    <message>
        <source>No consumables recorded.</source>
        <translation>Kein Verbrauchsmaterial erfasst.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::WelcomePage</name>
    <message>
        <source>Starting the demo stores…</source>
        <translation>Die Demo-Läden werden gestartet …</translation>
    </message>
</context>
<context>
    <name>ConsignifyMessages</name>
    <message>
        <source>%1: the answer is not a list of the documented shape (%2)</source>
        <translation>%1: Die Antwort ist keine Liste in der dokumentierten Form (%2)</translation>
    </message>
    <message>
        <source>%1: the listing does not advance (the next cursor repeats, or an empty page claims more)</source>
        <translation>%1: Die Auflistung kommt nicht voran (der nächste Cursor wiederholt sich oder eine leere Seite gibt weitere an)</translation>
    </message>
    <message>
        <source>Consignify has no resource &quot;%1&quot;</source>
        <translation>Consignify hat keine Ressource „%1“</translation>
    </message>
    <message>
        <source>%1: the API key could not be read: %2</source>
        <translation>%1: Der API-Schlüssel konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no answer (%2)</source>
        <translation>%1: keine Antwort (%2)</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: the answer is not valid JSON (cut short?)</source>
        <translation>%1: Die Antwort ist kein gültiges JSON (abgeschnitten?)</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is %5, expected %6</source>
        <translation>%1: %2 %3: Feld „%4“ ist %5, erwartet wird %6</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is missing</source>
        <translation>%1: %2 %3: Feld „%4“ fehlt</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot;: %5</source>
        <translation>%1: %2 %3: Feld „%4“: %5</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>unknown currency &quot;%1&quot;</source>
        <translation>unbekannte Währung „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date-time</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>%1 is above 2^53 minor units, too large for an exact amount</source>
        <translation>%1 liegt über 2^53 kleinsten Währungseinheiten und ist zu groß für einen exakten Betrag</translation>
    </message>
    <message>
        <source>%1 has more decimals than the currency has (%2)</source>
        <translation>%1 hat mehr Nachkommastellen als die Währung (%2)</translation>
    </message>
    <message>
        <source>%1 is not a percentage between 0 and 100</source>
        <translation>%1 ist kein Prozentsatz zwischen 0 und 100</translation>
    </message>
</context>
<context>
    <name>ConsignlyConnector</name>
    <message>
        <source>%1: unknown resource</source>
        <translation>%1: unbekannte Ressource</translation>
    </message>
    <message>
        <source>%1: the cursor &quot;%2&quot; is not one of this connector&apos;s</source>
        <translation>%1: Der Cursor „%2“ gehört nicht zu diesem Konnektor</translation>
    </message>
    <message>
        <source>no access token</source>
        <translation>kein Zugriffstoken</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: no access token: %2</source>
        <translation>%1: kein Zugriffstoken: %2</translation>
    </message>
    <message>
        <source>%1: no answer: %2</source>
        <translation>%1: keine Antwort: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: the answer is not valid JSON (cut short?)</source>
        <translation>%1: Die Antwort ist kein gültiges JSON (abgeschnitten?)</translation>
    </message>
    <message>
        <source>%1: asked for page %2, the answer is page %3</source>
        <translation>%1: Seite %2 angefordert, die Antwort ist Seite %3</translation>
    </message>
    <message>
        <source>%1: the listing changed while it was read (total %2 → %3); the next run reads it again</source>
        <translation>%1: Die Auflistung hat sich beim Lesen geändert (gesamt %2 → %3); der nächste Lauf liest sie erneut</translation>
    </message>
    <message>
        <source>%1: page %2 is past the end of the listing (%3 records)</source>
        <translation>%1: Seite %2 liegt hinter dem Ende der Auflistung (%3 Datensätze)</translation>
    </message>
    <message>
        <source>%1: page %2 has %3 records, yet the listing claims %4 and only %5 were read</source>
        <translation>%1: Seite %2 hat %3 Datensätze, doch die Auflistung gibt %4 an und es wurden erst %5 gelesen</translation>
    </message>
    <message>
        <source>%1: page %2 repeats %3 of the page before: the listing shifted while it was read; the next run reads it again</source>
        <translation>%1: Seite %2 wiederholt %3 der vorherigen Seite: Die Auflistung hat sich beim Lesen verschoben; der nächste Lauf liest sie erneut</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation>ein Datum (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is %5, expected %6</source>
        <translation>%1: %2 %3: Feld „%4“ ist %5, erwartet wird %6</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot;: %5</source>
        <translation>%1: %2 %3: Feld „%4“: %5</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is missing</source>
        <translation>%1: %2 %3: Feld „%4“ fehlt</translation>
    </message>
    <message>
        <source>%1: %2 is %3, expected %4</source>
        <translation>%1: %2 ist %3, erwartet wird %4</translation>
    </message>
    <message>
        <source>%1 is not a decimal number</source>
        <translation>%1 ist keine Dezimalzahl</translation>
    </message>
    <message>
        <source>%1 is too large to be exact</source>
        <translation>%1 ist zu groß, um exakt zu sein</translation>
    </message>
    <message>
        <source>%1 has more than %2 decimal places</source>
        <translation>%1 hat mehr als %2 Nachkommastellen</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; is missing</source>
        <translation>%1: Feld „%2“ fehlt</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; is %3, expected %4</source>
        <translation>%1: Feld „%2“ ist %3, erwartet wird %4</translation>
    </message>
    <message>
        <source>logistic unit</source>
        <translation>Logistikeinheit</translation>
    </message>
    <message>
        <source>product line</source>
        <translation>Produktlinie</translation>
    </message>
    <message>
        <source>0, 1, 2 or 3</source>
        <translation>0, 1, 2 oder 3</translation>
    </message>
    <message>
        <source>serial item</source>
        <translation>Serienartikel</translation>
    </message>
    <message>
        <source>consignment</source>
        <translation>Sendung</translation>
    </message>
    <message>
        <source>consumable</source>
        <translation>Verbrauchsmaterial</translation>
    </message>
</context>
<context>
    <name>DemoStores</name>
    <message>
        <source>Demo %1</source>
        <translation>Demo %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No keychain is available, so the demo stores&apos; keys are kept for this session only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher werden die Schlüssel der Demo-Läden nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Consignors</source>
        <translation>Kommittenten</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Warehouse stock</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <source>%1 rows written…</source>
        <translation>%1 Zeilen geschrieben…</translation>
    </message>
    <message>
        <source>Payouts due</source>
        <translation>Fällige Auszahlungen</translation>
    </message>
    <message>
        <source>say what to export: one of %1</source>
        <translation>Geben Sie an, was exportiert werden soll: eines von %1</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos;; choose one of %2</source>
        <translation>„%1“ kann nicht exportiert werden; wählen Sie eines von %2</translation>
    </message>
    <message>
        <source>--format must be csv, xlsx or pdf</source>
        <translation>--format muss csv, xlsx oder pdf sein</translation>
    </message>
    <message>
        <source>export needs --out FILE</source>
        <translation>export braucht --out DATEI</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a date like 2026-03-31</source>
        <translation>--%1: „%2“ ist kein Datum wie 2026-03-31</translation>
    </message>
    <message>
        <source>the date range ends before it starts</source>
        <translation>der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>--from, --to and --group-by are for reports, not %1</source>
        <translation>--from, --to und --group-by gelten für Berichte, nicht für %1</translation>
    </message>
    <message>
        <source>%1 has no grouping</source>
        <translation>%1 hat keine Gruppierung</translation>
    </message>
    <message>
        <source>%1 groups by %2</source>
        <translation>%1 wird gruppiert nach %2</translation>
    </message>
    <message>
        <source>--page-size must be a4 or letter</source>
        <translation>--page-size muss a4 oder letter sein</translation>
    </message>
    <message>
        <source>no connection named &apos;%1&apos;</source>
        <translation>keine Verbindung namens „%1“</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2.</source>
        <translation>%1 Zeilen nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Write a table or a report of the cache to a CSV, Excel or PDF file.</source>
        <translation>Eine Tabelle oder einen Bericht des Caches als CSV-, Excel- oder PDF-Datei schreiben.</translation>
    </message>
    <message>
        <source>%1 has no period: --from and --to do not apply</source>
        <translation>%1 hat keinen Zeitraum: --from und --to gelten nicht</translation>
    </message>
    <message>
        <source>--consignor is for consignor-statement, not %1</source>
        <translation>--consignor gilt für consignor-statement, nicht für %1</translation>
    </message>
    <message>
        <source>%1 needs --consignor ID</source>
        <translation>%1 braucht --consignor ID</translation>
    </message>
    <message>
        <source>--days is for expiring and warehouse-stock, not %1</source>
        <translation>--days gilt für expiring und warehouse-stock, nicht für %1</translation>
    </message>
    <message>
        <source>--days: &apos;%1&apos; is not a number of days from 1</source>
        <translation>--days: „%1“ ist keine Anzahl Tage ab 1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConsignDesk</source>
        <translation>ConsignDesk</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Choose what to browse: consignors, items, sales, payouts, warehouse stock or reports</source>
        <translation>Wählen Sie, was Sie durchsuchen möchten: Kommittenten, Artikel, Verkäufe, Auszahlungen, Lagerbestand oder Berichte</translation>
    </message>
    <message>
        <source>Current pane</source>
        <translation>Aktueller Bereich</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close ConsignDesk</source>
        <translation>ConsignDesk schließen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selection to the clipboard</source>
        <translation>Die Auswahl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select everything in the focused list or field</source>
        <translation>Alles in der aktiven Liste oder im aktiven Feld auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search the current pane</source>
        <translation>Im aktuellen Bereich suchen</translation>
    </message>
    <message>
        <source>Show &amp;Navigation</source>
        <translation>&amp;Navigation anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the list of panes</source>
        <translation>Die Liste der Bereiche ein- oder ausblenden</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Use the whole screen for ConsignDesk</source>
        <translation>Den ganzen Bildschirm für ConsignDesk nutzen</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed from every connected store</source>
        <translation>Änderungen aus jedem verbundenen Laden abrufen</translation>
    </message>
    <message>
        <source>&amp;About ConsignDesk</source>
        <translation>Ü&amp;ber ConsignDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen …</translation>
    </message>
    <message>
        <source>Add, edit, test or remove the stores&apos; vendor accounts</source>
        <translation>Die Anbieterkonten der Läden hinzufügen, bearbeiten, testen oder entfernen</translation>
    </message>
</context>
<context>
    <name>PayoutSettings</name>
    <message>
        <source>The holding time cannot be negative.</source>
        <translation>Die Haltefrist darf nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>PayoutsCommand</name>
    <message>
        <source>--connection NAME and --consignor ID are required</source>
        <translation>--connection NAME und --consignor ID sind erforderlich</translation>
    </message>
    <message>
        <source>this sends money to a consignor; add --yes to confirm</source>
        <translation>damit wird Geld an einen Kommittenten gesendet; fügen Sie zur Bestätigung --yes hinzu</translation>
    </message>
    <message>
        <source>no connection named &apos;%1&apos;</source>
        <translation>keine Verbindung namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 (%2) does not take payouts from ConsignDesk</source>
        <translation>%1 (%2) nimmt keine Auszahlungen von ConsignDesk an</translation>
    </message>
    <message>
        <source>payout %1 of this consignor has an unknown outcome; run: consigndesk payouts reconcile --connection &quot;%2&quot;</source>
        <translation>Auszahlung %1 dieses Kommittenten hat einen unbekannten Ausgang; führen Sie aus: consigndesk payouts reconcile --connection &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Nothing is owed to %1; the last payout, %2 (%3), is confirmed.</source>
        <translation>%1 wird nichts geschuldet; die letzte Auszahlung, %2 (%3), ist bestätigt.</translation>
    </message>
    <message>
        <source>Nothing is owed to %1.</source>
        <translation>%1 wird nichts geschuldet.</translation>
    </message>
    <message>
        <source>--amount: &apos;%1&apos; is not an amount in %2 (like 12.50)</source>
        <translation>--amount: &apos;%1&apos; ist kein Betrag in %2 (etwa 12.50)</translation>
    </message>
    <message>
        <source>--amount: %1 is owed; Consignify pays whole sale lines, so a payout is that amount</source>
        <translation>--amount: %1 ist offen; Consignify zahlt ganze Verkaufspositionen aus, daher beträgt eine Auszahlung genau diesen Betrag</translation>
    </message>
    <message>
        <source>--amount: %1 is more than the %2 owed</source>
        <translation>--amount: %1 ist mehr als die offenen %2</translation>
    </message>
    <message>
        <source>%1 to %2 (%3): %4</source>
        <translation>%1 an %2 (%3): %4</translation>
    </message>
    <message>
        <source>No payout has an unknown outcome.</source>
        <translation>Keine Auszahlung hat einen unbekannten Ausgang.</translation>
    </message>
    <message>
        <source>--format csv --out FILE is required</source>
        <translation>--format csv --out FILE ist erforderlich</translation>
    </message>
    <message>
        <source>--reference REF and --out FILE.pdf are required</source>
        <translation>--reference REF und --out FILE.pdf sind erforderlich</translation>
    </message>
    <message>
        <source>--page-size: expected a4 or letter, not &apos;%1&apos;</source>
        <translation>--page-size: a4 oder letter erwartet, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no payout has the reference &apos;%1&apos; (see: consigndesk payouts ledger)</source>
        <translation>keine Auszahlung hat die Referenz &apos;%1&apos; (siehe: consigndesk payouts ledger)</translation>
    </message>
    <message>
        <source>Statement of %1 (%2, %3) written to %4</source>
        <translation>Abrechnung für %1 (%2, %3) in %4 geschrieben</translation>
    </message>
    <message>
        <source>pays a consignor what is owed (once, whatever fails), settles payouts whose outcome is unknown, exports the payout ledger, writes a payout&apos;s consignor statement (PDF)</source>
        <translation>zahlt einem Kommittenten den offenen Betrag aus (genau einmal, auch bei Fehlern), klärt Auszahlungen mit unbekanntem Ausgang, exportiert das Auszahlungsjournal, schreibt die Kommittentenabrechnung einer Auszahlung (PDF)</translation>
    </message>
    <message>
        <source>expected approve, reconcile, ledger or statement, not &apos;%1&apos;</source>
        <translation>approve, reconcile, ledger oder statement erwartet, nicht &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>PdfSink</name>
    <message>
        <source>cannot write %1: the PDF could not be started</source>
        <translation>%1 kann nicht geschrieben werden: das PDF konnte nicht begonnen werden</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Geschäft: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Zeitraum: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: the report was not started</source>
        <translation>%1 kann nicht geschrieben werden: der Bericht wurde nicht begonnen</translation>
    </message>
</context>
<context>
    <name>ProposalBuilder</name>
    <message>
        <source>There is no connection with the id %1.</source>
        <translation>Es gibt keine Verbindung mit der ID %1.</translation>
    </message>
    <message>
        <source>%1 does not take payouts from ConsignDesk.</source>
        <translation>%1 nimmt keine Auszahlungen von ConsignDesk an.</translation>
    </message>
</context>
<context>
    <name>SimpleConsignMessages</name>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is %5, expected %6</source>
        <translation>%1: %2 %3: Feld „%4“ ist %5, erwartet wird %6</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot; is missing</source>
        <translation>%1: %2 %3: Feld „%4“ fehlt</translation>
    </message>
    <message>
        <source>%1: %2 %3: field &quot;%4&quot;: %5</source>
        <translation>%1: %2 %3: Feld „%4“: %5</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: the request failed: %2</source>
        <translation>%1: Die Anfrage ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: the answer is not valid JSON (cut short?)</source>
        <translation>%1: Die Antwort ist kein gültiges JSON (abgeschnitten?)</translation>
    </message>
    <message>
        <source>%1: the answer was cut short after %2 items</source>
        <translation>%1: Die Antwort wurde nach %2 Einträgen abgeschnitten</translation>
    </message>
    <message>
        <source>%1: the answer has no &quot;results&quot; array</source>
        <translation>%1: Die Antwort enthält kein Array „results“</translation>
    </message>
    <message>
        <source>SimpleConsign: unknown resource &quot;%1&quot;</source>
        <translation>SimpleConsign: unbekannte Ressource „%1“</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 has more decimals than %2 has (%3)</source>
        <translation>%1 hat mehr Nachkommastellen als %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (MM/dd/yyyy)</source>
        <translation>„%1“ ist kein Datum (MM/dd/yyyy)</translation>
    </message>
    <message>
        <source>unknown currency &quot;%1&quot;</source>
        <translation>unbekannte Währung „%1“</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <source>Earlier balance brought forward</source>
        <translation>Vortrag des früheren Saldos</translation>
    </message>
    <message>
        <source>Balance kept for a later payout</source>
        <translation>Für eine spätere Auszahlung einbehaltener Saldo</translation>
    </message>
    <message>
        <source>%1 · Consignor statement · %2 · %3</source>
        <translation>%1 · Kommittentenabrechnung · %2 · %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>(not yet approved)</source>
        <translation>(noch nicht freigegeben)</translation>
    </message>
    <message>
        <source>not yet approved</source>
        <translation>noch nicht freigegeben</translation>
    </message>
    <message>
        <source>Payouts through %1</source>
        <translation>Auszahlungen über %1</translation>
    </message>
    <message>
        <source>Consignor statement</source>
        <translation>Kommittentenabrechnung</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>Dated %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>CONSIGNOR</source>
        <translation>KOMMITTENT</translation>
    </message>
    <message>
        <source>Consignor ID %1</source>
        <translation>Kommittenten-ID %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Payout reference</source>
        <translation>Auszahlungsreferenz</translation>
    </message>
    <message>
        <source>%1 reference</source>
        <translation>%1-Referenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>SKU %1</translation>
    </message>
    <message>
        <source>(not in the cache)</source>
        <translation>(nicht im Cache)</translation>
    </message>
    <message>
        <source>No lines are recorded for this payout.</source>
        <translation>Für diese Auszahlung sind keine Positionen erfasst.</translation>
    </message>
    <message>
        <source>Total to be paid</source>
        <translation>Auszuzahlende Summe</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>Ausgezahlte Summe</translation>
    </message>
    <message>
        <source>Amounts in %1. Price is the selling price of one item; share is the consignor&apos;s part of it; amount is what the line adds to this payout.</source>
        <translation>Beträge in %1. Der Preis ist der Verkaufspreis eines Artikels; der Anteil ist der Teil davon, der dem Kommittenten zusteht; der Betrag ist der Beitrag der Position zu dieser Auszahlung.</translation>
    </message>
    <message>
        <source>This payout is not yet approved; its reference is given on approval.</source>
        <translation>Diese Auszahlung ist noch nicht freigegeben; ihre Referenz wird bei der Freigabe vergeben.</translation>
    </message>
    <message>
        <source>Payout reference %1 · status: %2</source>
        <translation>Auszahlungsreferenz %1 · Status: %2</translation>
    </message>
    <message>
        <source>there is no statement to write</source>
        <translation>es gibt keine Abrechnung zu schreiben</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Consignor statement %1</source>
        <translation>Kommittentenabrechnung %1</translation>
    </message>
    <message>
        <source>Consignor statements</source>
        <translation>Kommittentenabrechnungen</translation>
    </message>
    <message>
        <source>cannot write %1: the PDF could not be started</source>
        <translation>%1 kann nicht geschrieben werden: Die PDF-Erstellung konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>no connection named &apos;%1&apos;</source>
        <translation>keine Verbindung namens „%1“</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>(page %1)</source>
        <translation>(Seite %1)</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>no connections yet; add one with: consigndesk connection add</source>
        <translation>noch keine Verbindungen; fügen Sie eine hinzu mit: consigndesk connection add</translation>
    </message>
    <message>
        <source>%1 (%2): this version cannot sync %2 yet</source>
        <translation>%1 (%2): Diese Version kann %2 noch nicht synchronisieren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>nicht synchronisiert</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 deleted (%4; pages: %5)</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 gelöscht (%4; Seiten: %5)</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>inkrementell</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bring the local cache up to date with the connected stores.</source>
        <translation>Den lokalen Zwischenspeicher mit den verbundenen Läden auf den neuesten Stand bringen.</translation>
    </message>
</context>
<context>
    <name>Vendors::Connector</name>
    <message>
        <source>the keychain is gone</source>
        <translation>der Schlüsselbund ist nicht mehr verfügbar</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>ConsignDesk logo</source>
        <translation>ConsignDesk-Logo</translation>
    </message>
    <message>
        <source>Welcome to ConsignDesk</source>
        <translation>Willkommen bei ConsignDesk</translation>
    </message>
    <message>
        <source>Connect your store&apos;s vendor accounts (ConsignCloud, SimpleConsign, Consignify, Consignly) to browse consignors, items, sales and warehouse stock in one place, approve payouts and export reports, even offline.</source>
        <translation>Verbinden Sie die Anbieterkonten Ihres Ladens (ConsignCloud, SimpleConsign, Consignify, Consignly), um Kommittenten, Artikel, Verkäufe und Lagerbestand an einem Ort zu durchsuchen, Auszahlungen freizugeben und Berichte zu exportieren, auch offline.</translation>
    </message>
    <message>
        <source>Open the Demo Stores</source>
        <translation>Demo-Läden öffnen</translation>
    </message>
    <message>
        <source>Look around first: all four vendors emulated on this computer, with generated consignors, items and sales.</source>
        <translation>Erst einmal umsehen: alle vier Anbieter auf diesem Computer emuliert, mit generierten Kommittenten, Artikeln und Verkäufen.</translation>
    </message>
    <message>
        <source>Open the demo stores</source>
        <translation>Demo-Läden öffnen</translation>
    </message>
    <message>
        <source>Add a Connection…</source>
        <translation>Verbindung hinzufügen …</translation>
    </message>
    <message>
        <source>Connect a real store with its API key. The key is kept in your system keychain.</source>
        <translation>Einen echten Laden mit seinem API-Schlüssel verbinden. Der Schlüssel wird im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
</TS>
