<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
    <context>
        <name>AckDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="70" />
            <source>Acknowledge problem</source>
            <translation>Prendi in carico il problema</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="72" />
            <source>e.g. disk ordered, ticket 123</source>
            <translation>es. disco ordinato, ticket 123</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="73" />
            <source>Keep until the check is OK again (sticky)</source>
            <translation>Mantieni finché il controllo non torna OK (persistente)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="79" />
            <source>Comment:</source>
            <translation>Commento:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="82" />
            <source>Acknowledge</source>
            <translation>Prendi in carico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="89" />
            <source>Say why (the comment is shown to the whole team).</source>
            <translation>Indica il motivo (il commento è visibile a tutto il team).</translation>
        </message>
    </context>
    <context>
        <name>BackgroundDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/background_dialog.py" line="130" />
            <source>Saving…</source>
            <translation>Salvataggio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/background_dialog.py" line="84" />
            <source>The data could not be read from the database: %1</source>
            <translation>Non è stato possibile leggere i dati dal database: %1</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="206" />
            <source>&amp;Back up the database automatically</source>
            <translation>&amp;Esegui il backup del database automaticamente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="209" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="209" />
            <source>Back up every</source>
            <translation>Backup ogni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="210" />
            <source>Backups to keep</source>
            <translation>Backup da conservare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="214" />
            <source>Backup folder</source>
            <translation>Cartella dei backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="218" />
            <source>Back up &amp;every:</source>
            <translation>Backup &amp;ogni:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="219" />
            <source>&amp;Keep the newest:</source>
            <translation>&amp;Conserva gli ultimi:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="220" />
            <source>&amp;Folder:</source>
            <translation>Ca&amp;rtella:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="223" />
            <source>Backups now:</source>
            <translation>Backup presenti:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="229" />
            <source>A team PostgreSQL database is backed up on its server with pg_dump; this PC checks that a recent dump exists.</source>
            <translation>Un database PostgreSQL di team si salva sul suo server con pg_dump; questo PC controlla che esista un dump recente.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="238" />
            <source>none yet</source>
            <translation>nessuno per ora</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="240" />
            <source>%n backup(s), %1 in all</source>
            <translation>
                <numerusform>%n backup, %1 in totale</numerusform>
                <numerusform>%n backup, %1 in totale</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="242" />
            <source>; newest %1</source>
            <translation>; il più recente del %1</translation>
        </message>
    </context>
    <context>
        <name>Billing</name>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="117" />
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="127" />
            <source>Company profile</source>
            <translation>Profilo aziendale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="50" />
            <source>Printed at the bottom of every invoice</source>
            <translation>Stampato in fondo a ogni fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="55" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="111" />
            <source> days</source>
            <translation> giorni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="56" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="113" />
            <source>end of month</source>
            <translation>fine mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="65" />
            <source>Default payment terms</source>
            <translation>Termini di pagamento predefiniti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="66" />
            <source>Invoice footer</source>
            <translation>Piè di pagina della fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="72" />
            <source>Fields marked * are needed before the first invoice can be issued.</source>
            <translation>I campi con * servono prima di poter emettere la prima fattura.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/company_form.py" line="98" />
            <source>Some details are missing or not valid: see the marked fields.</source>
            <translation>Alcuni dati mancano o non sono validi: vedi i campi segnalati.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="67" />
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="39" />
            <source>Contract</source>
            <translation>Contratto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="75" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <source>Service</source>
            <translation>Servizio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="76" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="113" />
            <source>Description</source>
            <translation>Descrizione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="77" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="113" />
            <source>Quantity</source>
            <translation>Quantità</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="78" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="113" />
            <source>Unit price</source>
            <translation>Prezzo unitario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="79" />
            <source>Remove</source>
            <translation>Rimuovi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="93" />
            <source>ends on</source>
            <translation>termina il</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="116" />
            <source>e.g. Standard (4 h response)</source>
            <translation>es. Standard (risposta in 4 h)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="118" />
            <source>Italian</source>
            <translation>Italiano</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="119" />
            <source>English</source>
            <translation>Inglese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="130" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="306" />
            <source>Code:</source>
            <translation>Codice:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="131" />
            <source>Start:</source>
            <translation>Inizio:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="132" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="307" />
            <source>End:</source>
            <translation>Fine:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="133" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="308" />
            <source>Billed:</source>
            <translation>Fatturazione:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="134" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="310" />
            <source>Payment terms:</source>
            <translation>Termini di pagamento:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="135" />
            <source>SLA plan:</source>
            <translation>Piano SLA:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="136" />
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="309" />
            <source>Invoice language:</source>
            <translation>Lingua della fattura:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="137" />
            <source>Notes:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="151" />
            <source>Add service</source>
            <translation>Aggiungi servizio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="167" />
            <source>Services</source>
            <translation>Servizi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="188" />
            <source>Prices and quantities default to the catalog and can be changed per client.</source>
            <translation>Prezzi e quantità vengono dal listino e si possono modificare per cliente.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="189" />
            <source>Price and quantity changes take effect from %s, the first day of the next period: invoices already created, and this period's, stay as they are.</source>
            <translation>Le modifiche di prezzo e quantità valgono dal %s, primo giorno del periodo successivo: le fatture già create e quelle di questo periodo restano invariate.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <source>From</source>
            <translation>Dal</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <source>Line</source>
            <translation>Riga</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="195" />
            <source>Change</source>
            <translation>Cambiamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="89" />
            <source>Contract — %s</source>
            <translation>Contratto — %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="100" />
            <source>Monthly</source>
            <translation>Mensile</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="101" />
            <source>Quarterly</source>
            <translation>Trimestrale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="102" />
            <source>Yearly</source>
            <translation>Annuale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="146" />
            <source>Blank: the service's name is printed</source>
            <translation>Vuota: viene stampato il nome del servizio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="168" />
            <source>History (%d versions)</source>
            <translation>Storico (%d versioni)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="221" />
            <source>A line keeps its service: remove it and add another to change it.</source>
            <translation>Una riga mantiene il suo servizio: per cambiarlo rimuovila e aggiungine un'altra.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="247" />
            <source>Catalog price; change it for this client if agreed</source>
            <translation>Prezzo di listino; modificalo per questo cliente se concordato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="263" />
            <source>The contract needs a code (printed on the invoice).</source>
            <translation>Il contratto richiede un codice (stampato in fattura).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="127" />
            <source>Fixed once the contract exists: end it and start a new one to change this.</source>
            <translation>Non modificabile dopo la creazione del contratto: per cambiarlo chiudilo e aprine uno nuovo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="133" />
            <source>in advance, on day</source>
            <translation>anticipato, il giorno</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="205" />
            <source>removed</source>
            <translation>rimossa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="252" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="164" />
            <source>quantity</source>
            <translation>quantità</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="252" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="164" />
            <source>unit price</source>
            <translation>prezzo unitario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/contract_dialog.py" line="261" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="175" />
            <source>Line %d, %s: %s</source>
            <translation>Riga %d, %s: %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="38" />
            <source>a number is needed</source>
            <translation>serve un numero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="51" />
            <source>cannot be negative</source>
            <translation>non può essere negativo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="91" />
            <source>Open the &amp;company profile…</source>
            <translation>Apri il &amp;profilo aziendale…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="113" />
            <source>VAT %</source>
            <translation>IVA %</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="216" />
            <source>Why the invoice is cancelled or corrected (printed on the note)</source>
            <translation>Perché la fattura viene annullata o rettificata (stampato sulla nota)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="221" />
            <source>Reason:</source>
            <translation>Motivo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="222" />
            <source>Date:</source>
            <translation>Data:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="231" />
            <source>Lines to credit:</source>
            <translation>Righe da stornare:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="262" />
            <source>Paid on:</source>
            <translation>Pagata il:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="49" />
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="47" />
            <source>'%s' is not a number</source>
            <translation>'%s' non è un numero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="118" />
            <source>Edit draft for %s</source>
            <translation>Modifica bozza per %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="134" />
            <source>Drafts can change until they are issued. Amounts are recomputed.</source>
            <translation>Le bozze si possono modificare finché non vengono emesse. Gli importi vengono ricalcolati.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="213" />
            <source>Credit note for %s</source>
            <translation>Nota di credito per %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="242" />
            <source>Write a reason: it is printed on the credit note.</source>
            <translation>Scrivi un motivo: viene stampato sulla nota di credito.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="245" />
            <source>Choose at least one line to credit.</source>
            <translation>Scegli almeno una riga da stornare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="259" />
            <source>Mark %s paid</source>
            <translation>Segna %s come pagata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/dialogs.py" line="177" />
            <source>Line %d: the description cannot be empty</source>
            <translation>Riga %d: la descrizione non può essere vuota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="50" />
            <source>Writing the PDFs…</source>
            <translation>Scrittura dei PDF…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="82" />
            <source>Writing the FatturaPA files…</source>
            <translation>Scrittura dei file FatturaPA…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="85" />
            <source>FatturaPA</source>
            <translation>FatturaPA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="127" />
            <source>Save the service reports in</source>
            <translation>Salva i rapporti del servizio in</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="142" />
            <source>Writing the service reports…</source>
            <translation>Scrittura dei rapporti del servizio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="153" />
            <source>Invoice %s — %s</source>
            <translation>Fattura %s — %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="163" />
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="79" />
            <source>Preparing the preview…</source>
            <translation>Preparazione dell'anteprima…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="37" />
            <source>Save the invoice PDFs in</source>
            <translation>Salva i PDF delle fatture in</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="56" />
            <source>Save the FatturaPA files in</source>
            <translation>Salva i file FatturaPA in</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="71" />
            <source>Some FatturaPA files were not written</source>
            <translation>Alcuni file FatturaPA non sono stati scritti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="72" />
            <source>These invoices are not valid for the SdI; their files were not written:</source>
            <translation>Queste fatture non sono valide per lo SdI; i loro file non sono stati scritti:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="153" />
            <source>draft</source>
            <translation>bozza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="112" />
            <source>Service report %1 — %2</source>
            <translation>Rapporto del servizio %1 — %2</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="33" />
            <location filename="../../src/msp_console/ui/billing/operations.py" line="155" />
            <source>Billing</source>
            <translation>Fatturazione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="34" />
            <source>&amp;Run invoices…</source>
            <translation>&amp;Genera fatture…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="37" />
            <source>Preview and create the month's draft invoices</source>
            <translation>Mostra in anteprima e crea le bozze di fattura del mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="74" />
            <source>&amp;Contract of the selected client…</source>
            <translation>&amp;Contratto del cliente selezionato…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="135" />
            <source>Contract…</source>
            <translation>Contratto…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="136" />
            <source>Invoices…</source>
            <translation>Fatture…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="137" />
            <source>Monthly report…</source>
            <translation>Rapporto mensile…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="64" />
            <source>&amp;Invoices</source>
            <translation>&amp;Fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="66" />
            <source>Issue &amp;month…</source>
            <translation>Emetti il &amp;mese…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="70" />
            <source>Service r&amp;eports…</source>
            <translation>Rapporti d&amp;el servizio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="82" />
            <source>Compan&amp;y profile…</source>
            <translation>Profilo a&amp;ziendale…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="115" />
            <source>Contract saved.</source>
            <translation>Contratto salvato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <source>Number</source>
            <translation>Numero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <source>Date</source>
            <translation>Data</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="37" />
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="38" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="40" />
            <source>Period</source>
            <translation>Periodo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="44" />
            <source>Total</source>
            <translation>Totale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <location filename="../../src/msp_console/ui/billing/panel.py" line="105" />
            <source>Status</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="52" />
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="56" />
            <source>SdI</source>
            <translation>SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="119" />
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="83" />
            <source>Not sent to the SdI yet.</source>
            <translation>Non ancora inviata allo SdI.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="32" />
            <source>credit note for %s</source>
            <translation>nota di credito per %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="96" />
            <source>Credit note (TD04) for %s</source>
            <translation>Nota di credito (TD04) per %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/invoice_model.py" line="102" />
            <source>(draft %d)</source>
            <translation>(bozza %d)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="72" />
            <location filename="../../src/msp_console/ui/billing/panel.py" line="227" />
            <source>Draft</source>
            <translation>Bozza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="73" />
            <source>Issued</source>
            <translation>Emessa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="74" />
            <source>Sent</source>
            <translation>Inviata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="75" />
            <source>Paid</source>
            <translation>Pagata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="76" />
            <source>Overdue</source>
            <translation>Scaduta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="95" />
            <source>The file could not be written: %s</source>
            <translation>Impossibile scrivere il file: %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/look.py" line="93" />
            <source>Refused, nothing was changed:</source>
            <translation>Rifiutato, non è stato modificato nulla:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="28" />
            <source>E-mail to clients</source>
            <translation>Invia per e-mail ai clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="37" />
            <source>Send payment reminders</source>
            <translation>Invia i solleciti di pagamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="61" />
            <source>Sending the e-mails…</source>
            <translation>Invio delle e-mail…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="47" />
            <source>Nothing to e-mail: each invoice was already sent, or its client has no e-mail address.</source>
            <translation>Niente da inviare: ogni fattura è già stata inviata, o il suo cliente non ha un indirizzo e-mail.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="49" />
            <source>No invoice needs a reminder now.</source>
            <translation>Nessuna fattura ha bisogno di un sollecito ora.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="59" />
            <source>Send now?</source>
            <translation>Inviare ora?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="283" />
            <source>Deleting…</source>
            <translation>Eliminazione…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="286" />
            <source>Cannot delete</source>
            <translation>Impossibile eliminare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="161" />
            <source>Stopping after the current step…</source>
            <translation>Arresto dopo il passo in corso…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="185" />
            <source>Issue %d draft invoice(s) dated today? Numbers are assigned and they cannot change afterwards.</source>
            <translation>Emettere %d bozze di fattura con data di oggi? Vengono assegnati i numeri, che poi non potranno più cambiare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="233" />
            <source>The invoices cannot be issued</source>
            <translation>Impossibile emettere le fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="324" />
            <location filename="../../src/msp_console/ui/billing/operations.py" line="341" />
            <source>Saving…</source>
            <translation>Salvataggio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="327" />
            <source>Cannot mark sent</source>
            <translation>Impossibile segnare come inviata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="344" />
            <source>Cannot mark paid</source>
            <translation>Impossibile segnare come pagata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="95" />
            <source>Stopped: what was done before Cancel is kept.</source>
            <translation>Interrotto: quanto fatto prima di Annulla viene mantenuto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="207" />
            <source>Issue all %d draft invoice(s) up to %s, dated today? Numbers are assigned and they cannot change afterwards.</source>
            <translation>Emettere tutte le %d bozze di fattura fino a %s, con data di oggi? Vengono assegnati i numeri, che poi non potranno più cambiare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="217" />
            <source>Issue invoices</source>
            <translation>Emetti fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="259" />
            <source>Saving the draft…</source>
            <translation>Salvataggio della bozza…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="262" />
            <source>The draft cannot change</source>
            <translation>La bozza non può essere modificata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="274" />
            <source>Delete drafts</source>
            <translation>Elimina bozze</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="305" />
            <source>Issuing the credit note…</source>
            <translation>Emissione della nota di credito…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="310" />
            <source>The credit note cannot be issued</source>
            <translation>Impossibile emettere la nota di credito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="97" />
            <source>Refused, nothing was changed.</source>
            <translation>Rifiutato, non è stato modificato nulla.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="101" />
            <source>Nothing was changed. Fix these first:</source>
            <translation>Non è stato modificato nulla. Correggi prima questi punti:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="202" />
            <source>No drafts to issue up to %s.</source>
            <translation>Nessuna bozza da emettere fino a %s.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="261" />
            <source>Draft updated.</source>
            <translation>Bozza aggiornata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="275" />
            <source>Delete %d draft invoice(s)? The next run creates them again if their contract is still billed.</source>
            <translation>Eliminare %d bozze di fattura? La prossima generazione le ricrea se il contratto è ancora fatturato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="343" />
            <source>%s marked paid.</source>
            <translation>%s segnata come pagata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/operations.py" line="308" />
            <source>Credit note %s issued for %s: %s</source>
            <translation>Nota di credito %s emessa per %s: %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="86" />
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="34" />
            <source>Month</source>
            <translation>Mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="96" />
            <source>Run invoices…</source>
            <translation>Genera fatture…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="98" />
            <source>Preview and create the draft invoices due up to the end of the month</source>
            <translation>Mostra in anteprima e crea le bozze di fattura dovute fino a fine mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="100" />
            <source>Issue month…</source>
            <translation>Emetti il mese…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="106" />
            <source>All statuses</source>
            <translation>Tutti gli stati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="114" />
            <source>Filter by client…</source>
            <translation>Filtra per cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="164" />
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="202" />
            <source>Preview</source>
            <translation>Anteprima</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="204" />
            <location filename="../../src/msp_console/ui/billing/preview.py" line="65" />
            <source>&amp;Print…</source>
            <translation>&amp;Stampa…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="206" />
            <source>Edit draft…</source>
            <translation>Modifica bozza…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="208" />
            <source>Delete draft…</source>
            <translation>Elimina bozza…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="210" />
            <source>Issue selected…</source>
            <translation>Emetti le selezionate…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="211" />
            <source>Credit note…</source>
            <translation>Nota di credito…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="212" />
            <source>Mark sent</source>
            <translation>Segna come inviata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="213" />
            <source>Mark paid…</source>
            <translation>Segna come pagata…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="214" />
            <source>Export P&amp;DF…</source>
            <translation>Esporta P&amp;DF…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="215" />
            <source>Export FatturaPA &amp;XML…</source>
            <translation>Esporta &amp;XML FatturaPA…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="217" />
            <source>E-mail to clients…</source>
            <translation>Invia per e-mail ai clienti…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="220" />
            <source>Send payment reminders…</source>
            <translation>Invia i solleciti di pagamento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="222" />
            <source>Service reports…</source>
            <translation>Rapporti del servizio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="234" />
            <source>Documents</source>
            <translation>Documenti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="89" />
            <source>Previous month</source>
            <translation>Mese precedente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="89" />
            <source>Next month</source>
            <translation>Mese successivo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="118" />
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="58" />
            <source>Month:</source>
            <translation>Mese:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/panel.py" line="284" />
            <source>The invoices could not be read: %s</source>
            <translation>Impossibile leggere le fatture: %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/preview.py" line="43" />
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/preview.py" line="58" />
            <source>Zoom:</source>
            <translation>Zoom:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/preview.py" line="95" />
            <source>Page %d of %d</source>
            <translation>Pagina %d di %d</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="29" />
            <source>Service reports</source>
            <translation>Rapporti del servizio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="41" />
            <source>One PDF per client with a contract; a month in progress covers the days so far.</source>
            <translation>Un PDF per ogni cliente con un contratto; un mese in corso copre i giorni trascorsi finora.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="45" />
            <source>&amp;Preview</source>
            <translation>&amp;Anteprima</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="47" />
            <source>Shows the report of the chosen client</source>
            <translation>Mostra il rapporto del cliente scelto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="48" />
            <source>&amp;Save all…</source>
            <translation>&amp;Salva tutti…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="50" />
            <source>Writes the report of every client with a contract into a folder</source>
            <translation>Scrive in una cartella il rapporto di ogni cliente con un contratto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="59" />
            <source>Client to preview:</source>
            <translation>Cliente da vedere in anteprima:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="103" />
            <source>%1 was added on %2: there is nothing to report for %3.</source>
            <translation>%1 è stato aggiunto il %2: non c'è nulla da riportare per %3.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="99" />
            <source>%1 has not started yet: there is nothing to report.</source>
            <translation>%1 non è ancora iniziato: non c'è nulla da riportare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="106" />
            <source>%1 has no recorded monitoring or interventions in %2: there is nothing to report.</source>
            <translation>%1 non ha monitoraggio né interventi registrati in %2: non c'è nulla da riportare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/report_dialog.py" line="101" />
            <source>%1 has no machines: there is nothing to report.</source>
            <translation>%1 non ha macchine: non c'è nulla da riportare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="41" />
            <source>Lines</source>
            <translation>Righe</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="42" />
            <source>Taxable</source>
            <translation>Imponibile</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="43" />
            <source>VAT</source>
            <translation>IVA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="70" />
            <source>Create drafts</source>
            <translation>Crea le bozze</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="134" />
            <source>Creating the drafts…</source>
            <translation>Creazione delle bozze…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="51" />
            <source>Run invoices — %s</source>
            <translation>Genera fatture — %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="56" />
            <source>Checking which invoices are due up to the end of %s…</source>
            <translation>Verifica delle fatture dovute fino alla fine di %s…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="126" />
            <source>Nothing to bill: every contract is already invoiced up to this month.</source>
            <translation>Niente da fatturare: ogni contratto è già fatturato fino a questo mese.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="49" />
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="66" />
            <source>Sending</source>
            <translation>In invio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="50" />
            <source>Not sent (will retry)</source>
            <translation>Non inviata (nuovo tentativo in corso)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="51" />
            <source>Sent to the SdI</source>
            <translation>Inviata allo SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="52" />
            <source>Delivered</source>
            <translation>Consegnata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="53" />
            <source>In the client's tax drawer</source>
            <translation>Nel cassetto fiscale del cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="54" />
            <source>Rejected by the SdI</source>
            <translation>Scartata dallo SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="55" />
            <source>Accepted</source>
            <translation>Accettata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="56" />
            <source>Refused by the public body</source>
            <translation>Rifiutata dalla PA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="57" />
            <source>No answer in time (accepted)</source>
            <translation>Decorrenza termini (accettata)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="58" />
            <source>Transmitted, not delivered</source>
            <translation>Trasmessa, non recapitata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="59" />
            <source>Replaced by a new invoice</source>
            <translation>Sostituita da una nuova fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="67" />
            <source>Sent by PEC</source>
            <translation>Inviata via PEC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="68" />
            <source>Sending failed</source>
            <translation>Invio non riuscito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="69" />
            <source>Delivery receipt (RC)</source>
            <translation>Ricevuta di consegna (RC)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="70" />
            <source>Rejection (NS)</source>
            <translation>Notifica di scarto (NS)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="71" />
            <source>Not delivered (MC)</source>
            <translation>Mancata consegna (MC)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="72" />
            <source>Outcome (NE)</source>
            <translation>Notifica di esito (NE)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="73" />
            <source>Terms expired (DT)</source>
            <translation>Decorrenza termini (DT)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="74" />
            <source>Transmission certificate (AT)</source>
            <translation>Attestazione di trasmissione (AT)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="75" />
            <source>Replaced</source>
            <translation>Sostituita</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_look.py" line="86" />
            <source>SdI id %s</source>
            <translation>Identificativo SdI %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="200" />
            <source>No PEC account is set up for the SdI: add one in Settings → Mail accounts.</source>
            <translation>Nessun account PEC configurato per lo SdI: aggiungine uno in Impostazioni → Account di posta.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="221" />
            <source>SdI: the fetch failed: %1. Next try at %2.</source>
            <translation>SdI: lettura delle notifiche non riuscita: %1. Prossimo tentativo alle %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="52" />
            <source>Send to the &amp;SdI…</source>
            <translation>&amp;Invia allo SdI…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="53" />
            <source>&amp;Fetch SdI notifications</source>
            <translation>Scarica le &amp;notifiche SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="54" />
            <source>Fix and rese&amp;nd…</source>
            <translation>Correggi e &amp;reinvia…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="74" />
            <source>Send every invoice of the month not yet with the SdI, by PEC?</source>
            <translation>Inviare via PEC allo SdI tutte le fatture del mese non ancora inviate?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="78" />
            <source>Checking and sending to the SdI…</source>
            <translation>Controllo e invio allo SdI…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="81" />
            <source>Cannot send to the SdI</source>
            <translation>Impossibile inviare allo SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="118" />
            <source>Reading the SdI's notifications…</source>
            <translation>Lettura delle notifiche dello SdI…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="149" />
            <source>The SdI rejected %1 on %2. Until %3 (5 days) the SdI's rules let you send it again with the same number and date.

First correct what the SdI refused — usually the client's VAT number, tax code or recipient code in the client's record, or the company profile. The invoice then takes the corrected data and is sent again.</source>
            <translation>Lo SdI ha scartato la %1 il %2. Fino al %3 (5 giorni) le regole dello SdI consentono di reinviarla con lo stesso numero e la stessa data.

Prima correggi ciò che lo SdI ha rifiutato — di solito la partita IVA, il codice fiscale o il codice destinatario nella scheda del cliente, oppure il profilo aziendale. La fattura prende poi i dati corretti e viene reinviata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="155" />
            <source>Resend with the same number</source>
            <translation>Reinvia con lo stesso numero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="157" />
            <source>The SdI rejected %1 on %2. More than 5 days have passed (the limit was %3), so the SdI's rules want a new invoice: a new number and today's date.

The console issues a new invoice with the same lines, saying it replaces %1, and sends it. %1 stays in the list as rejected and replaced; it was never a valid invoice.</source>
            <translation>Lo SdI ha scartato la %1 il %2. Sono passati più di 5 giorni (il limite era il %3): le regole dello SdI richiedono una nuova fattura, con un nuovo numero e la data di oggi.

La console emette una nuova fattura con le stesse righe, che indica di sostituire la %1, e la invia. La %1 resta nell'elenco come scartata e sostituita: non è mai stata una fattura valida.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="163" />
            <source>Issue a new number and send</source>
            <translation>Emetti con un nuovo numero e invia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="182" />
            <source>Fixing and sending to the SdI…</source>
            <translation>Correzione e invio allo SdI…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="185" />
            <source>Cannot fix and resend</source>
            <translation>Impossibile correggere e reinviare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="209" />
            <source>SdI: waiting after a failure, next try at %s.</source>
            <translation>SdI: in attesa dopo un errore, prossimo tentativo alle %s.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="75" />
            <source>Send to the SdI</source>
            <translation>Invio allo SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="169" />
            <source>What the SdI said:</source>
            <translation>Cosa ha segnalato lo SdI:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="170" />
            <source>Fix and resend %s</source>
            <translation>Correggi e reinvia la %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="41" />
            <source>%s: already with the SdI (only a rejected invoice is sent again)</source>
            <translation>%s: già inviata allo SdI (si reinvia solo una fattura scartata)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="44" />
            <source>%s: not sent, will retry: %s</source>
            <translation>%s: non inviata, verrà ritentato: %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_schedule.py" line="61" />
            <source>Invoice %s rejected by the SdI</source>
            <translation>Fattura %s scartata dallo SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/sdi_schedule.py" line="63" />
            <source>Open Billing and use “Fix and resend”.</source>
            <translation>Apri Fatturazione e usa «Correggi e reinvia».</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="32" />
            <source>Select an invoice to see it here.</source>
            <translation>Seleziona una fattura per vederla qui.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="81" />
            <source>Credit note</source>
            <translation>Nota di credito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="81" />
            <source>Invoice</source>
            <translation>Fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="76" />
            <source>Select one invoice to see it here.</source>
            <translation>Seleziona una sola fattura per vederla qui.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="83" />
            <source>taxable %s, VAT %s</source>
            <translation>imponibile %s, IVA %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="85" />
            <source>due %s</source>
            <translation>scadenza %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="87" />
            <source>paid %s</source>
            <translation>pagata il %s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/side_preview.py" line="82" />
            <source>(draft)</source>
            <translation>(bozza)</translation>
        </message>
    </context>
    <context>
        <name>BillingCounts</name>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="77" />
            <source>%n FatturaPA file(s) written to %1</source>
            <translation>
                <numerusform>%n file FatturaPA scritto in %1</numerusform>
                <numerusform>%n file FatturaPA scritti in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="78" />
            <source>%n refused</source>
            <translation>
                <numerusform>%n rifiutato</numerusform>
                <numerusform>%n rifiutati</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="134" />
            <source>%n service report(s) written to %1</source>
            <translation>
                <numerusform>%n rapporto del servizio scritto in %1</numerusform>
                <numerusform>%n rapporti del servizio scritti in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="137" />
            <source>%n client(s) without a report</source>
            <translation>
                <numerusform>%n cliente senza rapporto</numerusform>
                <numerusform>%n clienti senza rapporto</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="180" />
            <source>Print %n invoice(s)</source>
            <translation>
                <numerusform>Stampa %n fattura</numerusform>
                <numerusform>Stampa %n fatture</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="196" />
            <source>Printing %n invoice(s)…</source>
            <translation>
                <numerusform>Stampa di %n fattura…</numerusform>
                <numerusform>Stampa di %n fatture…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="198" />
            <source>%n page(s) sent to the printer.</source>
            <translation>
                <numerusform>%n pagina inviata alla stampante.</numerusform>
                <numerusform>%n pagine inviate alla stampante.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="204" />
            <source>%n PDF(s) written to %1</source>
            <translation>
                <numerusform>%n PDF scritto in %1</numerusform>
                <numerusform>%n PDF scritti in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/document_operations.py" line="207" />
            <source>with %n service report(s)</source>
            <translation>
                <numerusform>con %n rapporto del servizio</numerusform>
                <numerusform>con %n rapporti del servizio</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="53" />
            <source>%n e-mail(s) with a courtesy copy will be sent to the clients.</source>
            <translation>
                <numerusform>%n e-mail con la copia di cortesia sarà inviata ai clienti.</numerusform>
                <numerusform>%n e-mail con la copia di cortesia saranno inviate ai clienti.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="55" />
            <source>%n payment reminder(s) will be e-mailed.</source>
            <translation>
                <numerusform>%n sollecito di pagamento sarà inviato per e-mail.</numerusform>
                <numerusform>%n solleciti di pagamento saranno inviati per e-mail.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="58" />
            <source>%n left out (already sent or no e-mail address).</source>
            <translation>
                <numerusform>%n esclusa (già inviata o senza indirizzo e-mail).</numerusform>
                <numerusform>%n escluse (già inviate o senza indirizzo e-mail).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="69" />
            <source>%n e-mail(s) sent.</source>
            <translation>
                <numerusform>%n e-mail inviata.</numerusform>
                <numerusform>%n e-mail inviate.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/mail_actions.py" line="73" />
            <source>%n not sent:</source>
            <translation>
                <numerusform>%n non inviata:</numerusform>
                <numerusform>%n non inviate:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/operations.py" line="173" />
            <source>%n draft invoice(s) created: check them, then issue.</source>
            <translation>
                <numerusform>Creata %n bozza di fattura: controllala, poi emettila.</numerusform>
                <numerusform>Create %n bozze di fattura: controllale, poi emettile.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/operations.py" line="226" />
            <source>%n invoice(s) issued: %1</source>
            <translation>
                <numerusform>%n fattura emessa: %1</numerusform>
                <numerusform>%n fatture emesse: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/operations.py" line="230" />
            <source>Issuing %n invoice(s)…</source>
            <translation>
                <numerusform>Emissione di %n fattura…</numerusform>
                <numerusform>Emissione di %n fatture…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/operations.py" line="285" />
            <source>%n draft(s) deleted.</source>
            <translation>
                <numerusform>%n bozza eliminata.</numerusform>
                <numerusform>%n bozze eliminate.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/operations.py" line="326" />
            <source>%n invoice(s) marked sent.</source>
            <translation>
                <numerusform>%n fattura segnata come inviata.</numerusform>
                <numerusform>%n fatture segnate come inviate.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/panel.py" line="327" />
            <source>%1: %n document(s)</source>
            <translation>
                <numerusform>%1: %n documento</numerusform>
                <numerusform>%1: %n documenti</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/panel.py" line="328" />
            <source>%n draft(s)</source>
            <translation>
                <numerusform>%n bozza</numerusform>
                <numerusform>%n bozze</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/preview.py" line="99" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n pagina</numerusform>
                <numerusform>%n pagine</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/run_dialog.py" line="120" />
            <source>%n draft invoice(s) will be created, %1 in all. Nothing is written until you confirm.</source>
            <translation>
                <numerusform>Verrà creata %n bozza di fattura, per un totale di %1. Non viene scritto nulla finché non confermi.</numerusform>
                <numerusform>Verranno create %n bozze di fattura, per un totale di %1. Non viene scritto nulla finché non confermi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="72" />
            <source>Send %n invoice(s) to the SdI by PEC?</source>
            <translation>
                <numerusform>Inviare %n fattura allo SdI via PEC?</numerusform>
                <numerusform>Inviare %n fatture allo SdI via PEC?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="106" />
            <source>%n invoice(s) sent to the SdI.</source>
            <translation>
                <numerusform>%n fattura inviata allo SdI.</numerusform>
                <numerusform>%n fatture inviate allo SdI.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/billing/sdi_operations.py" line="213" />
            <source>SdI: %n notification(s) applied.</source>
            <translation>
                <numerusform>SdI: %n notifica registrata.</numerusform>
                <numerusform>SdI: %n notifiche registrate.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BusinessHoursTab</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="81" />
            <source>Opening time</source>
            <translation>Orario di apertura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="81" />
            <source>Closing time</source>
            <translation>Orario di chiusura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="84" />
            <source>Mon</source>
            <translation>Lun</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="84" />
            <source>Tue</source>
            <translation>Mar</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="84" />
            <source>Wed</source>
            <translation>Mer</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="84" />
            <source>Thu</source>
            <translation>Gio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="84" />
            <source>Fri</source>
            <translation>Ven</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="85" />
            <source>Sat</source>
            <translation>Sab</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="85" />
            <source>Sun</source>
            <translation>Dom</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="98" />
            <source>Public holidays of</source>
            <translation>Festività di</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="99" />
            <source>No public holidays</source>
            <translation>Nessuna festività</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="101" />
            <source>Italy</source>
            <translation>Italia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="102" />
            <source>San Marino</source>
            <translation>San Marino</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="103" />
            <source>Vatican City</source>
            <translation>Città del Vaticano</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="104" />
            <source>Switzerland</source>
            <translation>Svizzera</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="105" />
            <source>Germany</source>
            <translation>Germania</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="106" />
            <source>France</source>
            <translation>Francia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="107" />
            <source>Austria</source>
            <translation>Austria</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="108" />
            <source>Spain</source>
            <translation>Spagna</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="109" />
            <source>United Kingdom</source>
            <translation>Regno Unito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="115" />
            <source>Time zone</source>
            <translation>Fuso orario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="119" />
            <source>Follow-up call at</source>
            <translation>Richiamata alle</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="121" />
            <source>When the work is done, the follow-up call is booked the next business day at this time</source>
            <translation>Finito il lavoro, la richiamata viene fissata il giorno lavorativo successivo a quest'ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="128" />
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="129" />
            <source>Appointment length</source>
            <translation>Durata dell'appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="135" />
            <source>&amp;Opens at:</source>
            <translation>&amp;Apertura:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="136" />
            <source>&amp;Closes at:</source>
            <translation>&amp;Chiusura:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="137" />
            <source>Working days:</source>
            <translation>Giorni lavorativi:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="138" />
            <source>Public &amp;holidays of:</source>
            <translation>&amp;Festività di:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="139" />
            <source>Time &amp;zone:</source>
            <translation>&amp;Fuso orario:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="140" />
            <source>&amp;Follow-up call at:</source>
            <translation>&amp;Richiamata alle:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="141" />
            <source>Appointment &amp;length:</source>
            <translation>&amp;Durata dell'appuntamento:</translation>
        </message>
    </context>
    <context>
        <name>CheckDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="31" />
            <source>rtt ms, loss % — e.g. 100,20 and 500,60</source>
            <translation>rtt ms, perdita % — es. 100,20 e 500,60</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="32" />
            <source>connect time ms — e.g. 200 and 1000</source>
            <translation>tempo di connessione ms — es. 200 e 1000</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="33" />
            <source>response time ms — e.g. 1000 and 5000</source>
            <translation>tempo di risposta ms — es. 1000 e 5000</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="34" />
            <source>disk %, load per core, memory % … — e.g. disk=85 and disk=95</source>
            <translation>disco %, carico per core, memoria % … — es. disk=85 e disk=95</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="37" />
            <source>the plugin's own -w/-c decide</source>
            <translation>decidono le soglie -w/-c del plugin</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="38" />
            <source>hours since the newest backup — e.g. 26 and 48</source>
            <translation>ore dall'ultimo backup — es. 26 e 48</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="39" />
            <source>the OID's value — e.g. 80 and 90</source>
            <translation>il valore dell'OID — es. 80 e 90</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="49" />
            <source>hours since the last successful backup — e.g. 26 and 50</source>
            <translation>ore dall'ultimo backup riuscito — es. 26 e 50</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="55" />
            <source>Packets:</source>
            <translation>Pacchetti:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="56" />
            <source>Port:</source>
            <translation>Porta:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="57" />
            <source>Address (URL):</source>
            <translation>Indirizzo (URL):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="58" />
            <source>Expected HTTP status:</source>
            <translation>Stato HTTP atteso:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="59" />
            <source>Page must contain:</source>
            <translation>La pagina deve contenere:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="60" />
            <source>Verify the certificate:</source>
            <translation>Verifica il certificato:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="61" />
            <source>Certificate authority file:</source>
            <translation>File dell'autorità di certificazione:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="62" />
            <source>Certificate warning (days left):</source>
            <translation>Avviso certificato (giorni rimasti):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="63" />
            <source>Certificate critical (days left):</source>
            <translation>Critico certificato (giorni rimasti):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="64" />
            <source>User:</source>
            <translation>Utente:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="65" />
            <source>Key file:</source>
            <translation>File della chiave:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="66" />
            <source>Operating system:</source>
            <translation>Sistema operativo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="67" />
            <source>Pending updates:</source>
            <translation>Aggiornamenti in sospeso:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="68" />
            <source>Command:</source>
            <translation>Comando:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="69" />
            <source>Plugin folder:</source>
            <translation>Cartella dei plugin:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="70" />
            <source>Backup folder:</source>
            <translation>Cartella dei backup:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="71" />
            <source>SNMP version:</source>
            <translation>Versione SNMP:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="72" />
            <source>Community:</source>
            <translation>Community:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="73" />
            <source>Authentication protocol:</source>
            <translation>Protocollo di autenticazione:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="74" />
            <source>Encryption protocol:</source>
            <translation>Protocollo di cifratura:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="75" />
            <source>OID:</source>
            <translation>OID:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="76" />
            <source>Expected value:</source>
            <translation>Valore atteso:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="77" />
            <source>Interface index:</source>
            <translation>Indice dell'interfaccia:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="78" />
            <source>Interface:</source>
            <translation>Interfaccia:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="79" />
            <source>Last uptime:</source>
            <translation>Ultimo uptime:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="80" />
            <source>Timeout (s):</source>
            <translation>Timeout (s):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="81" />
            <source>Repository (path or URL):</source>
            <translation>Repository (percorso o URL):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="82" />
            <source>Repository password (keyring name):</source>
            <translation>Password del repository (nome nel portachiavi):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="83" />
            <source>Run on (machine or console):</source>
            <translation>Esegui su (machine o console):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="84" />
            <source>Verify the repository every (hours):</source>
            <translation>Verifica il repository ogni (ore):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="85" />
            <source>Program path:</source>
            <translation>Percorso del programma:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="86" />
            <source>Alarm below this share of the usual size:</source>
            <translation>Allarme sotto questa frazione della dimensione abituale:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="87" />
            <source>Alarm above this multiple of the usual size:</source>
            <translation>Allarme sopra questo multiplo della dimensione abituale:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="88" />
            <source>Runs that make the usual size:</source>
            <translation>Esecuzioni che fanno la dimensione abituale:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="89" />
            <source>Certificate fingerprint (SHA-256):</source>
            <translation>Impronta del certificato (SHA-256):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="90" />
            <source>API token (USER@REALM!TOKEN):</source>
            <translation>Token API (UTENTE@REALM!TOKEN):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="91" />
            <source>API token secret (keyring name):</source>
            <translation>Segreto del token API (nome nel portachiavi):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="92" />
            <source>Datastore (empty: all):</source>
            <translation>Datastore (vuoto: tutti):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="93" />
            <source>Backup group, e.g. vm/100 (empty: all):</source>
            <translation>Gruppo di backup, es. vm/100 (vuoto: tutti):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="94" />
            <source>Datastore namespace (empty: the root):</source>
            <translation>Namespace del datastore (vuoto: la radice):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="95" />
            <source>Datastore warning at (% used):</source>
            <translation>Avviso datastore a (% occupato):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="96" />
            <source>Datastore critical at (% used):</source>
            <translation>Datastore critico a (% occupato):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="97" />
            <source>Hyper Backup task (empty: all):</source>
            <translation>Attività Hyper Backup (vuoto: tutte):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="98" />
            <source>The NAS's time zone (e.g. Europe/Rome):</source>
            <translation>Fuso orario del NAS (es. Europe/Rome):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="99" />
            <source>Veeam job (empty: all):</source>
            <translation>Job Veeam (vuoto: tutti):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="100" />
            <source>API version (x-api-version):</source>
            <translation>Versione API (x-api-version):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="104" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="107" />
            <source>Account password (keyring name):</source>
            <translation>Password dell'account (nome nel portachiavi):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="108" />
            <source>DSM account:</source>
            <translation>Account DSM:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="109" />
            <source>Veeam account:</source>
            <translation>Account Veeam:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="110" />
            <source>Address (empty: https://machine:8007):</source>
            <translation>Indirizzo (vuoto: https://macchina:8007):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="113" />
            <source>Address (empty: https://machine:5001):</source>
            <translation>Indirizzo (vuoto: https://macchina:5001):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="116" />
            <source>Address (empty: https://machine:9419):</source>
            <translation>Indirizzo (vuoto: https://macchina:9419):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="146" />
            <source>Edit check</source>
            <translation>Modifica controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="146" />
            <source>Add check to %1</source>
            <translation>Aggiungi controllo a %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="167" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="236" />
            <source>Type:</source>
            <translation>Tipo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="168" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="237" />
            <source>Name:</source>
            <translation>Nome:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="170" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="238" />
            <source>Warning at:</source>
            <translation>Avviso da:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="171" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="239" />
            <source>Critical at:</source>
            <translation>Critico da:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="173" />
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="240" />
            <source>Every:</source>
            <translation>Ogni:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/check_dialog.py" line="216" />
            <source>Thresholds (%1): %2</source>
            <translation>Soglie (%1): %2</translation>
        </message>
    </context>
    <context>
        <name>ClientTreeModel</name>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="116" />
            <source>(archived)</source>
            <translation>(archiviato)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="117" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="117" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="117" />
            <source>Address</source>
            <translation>Indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="117" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="290" />
            <source>%1 silenced</source>
            <translation>%1 in silenzio</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="296" />
            <source>%n critical</source>
            <translation>
                <numerusform>%n critico</numerusform>
                <numerusform>%n critici</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="298" />
            <source>%n unreachable</source>
            <translation>
                <numerusform>%n irraggiungibile</numerusform>
                <numerusform>%n irraggiungibili</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="300" />
            <source>%n warning</source>
            <translation>
                <numerusform>%n avviso</numerusform>
                <numerusform>%n avvisi</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="301" />
            <source>%n unknown</source>
            <translation>
                <numerusform>%n sconosciuto</numerusform>
                <numerusform>%n sconosciuti</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="517" />
            <source>Behind: %1</source>
            <translation>Dietro: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/models/client_tree.py" line="519" />
            <source>Tags: %1</source>
            <translation>Etichette: %1</translation>
        </message>
    </context>
    <context>
        <name>CompanyForm</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="56" />
            <source>Company name</source>
            <translation>Ragione sociale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="57" />
            <source>VAT number</source>
            <translation>Partita IVA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="58" />
            <source>Tax code</source>
            <translation>Codice fiscale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="59" />
            <source>Address</source>
            <translation>Indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="60" />
            <source>Postal code</source>
            <translation>CAP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="61" />
            <source>City</source>
            <translation>Città</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="62" />
            <source>Province</source>
            <translation>Provincia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="63" />
            <source>Country</source>
            <translation>Paese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="64" />
            <source>IBAN</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="65" />
            <source>Bank</source>
            <translation>Banca</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="66" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="67" />
            <source>PEC (certified e-mail)</source>
            <translation>PEC (posta elettronica certificata)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="68" />
            <source>Phone</source>
            <translation>Telefono</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="69" />
            <source>Logo (PNG or JPEG)</source>
            <translation>Logo (PNG o JPEG)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="70" />
            <source>Tax regime</source>
            <translation>Regime fiscale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="71" />
            <source>REA office (province)</source>
            <translation>Ufficio REA (provincia)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="72" />
            <source>REA number</source>
            <translation>Numero REA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="75" />
            <source>At most 200 characters.</source>
            <translation>Al massimo 200 caratteri.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="76" />
            <source>Not a valid VAT number (Italy: 11 digits, with the check digit).</source>
            <translation>Partita IVA non valida (Italia: 11 cifre, con la cifra di controllo).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="77" />
            <source>Not a valid tax code (16 characters, or 11 digits for a company).</source>
            <translation>Codice fiscale non valido (16 caratteri, oppure 11 cifre per una società).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="78" />
            <source>At most 12 characters.</source>
            <translation>Al massimo 12 caratteri.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="79" />
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="86" />
            <source>Use the two-letter province code (e.g. MI).</source>
            <translation>Usa la sigla della provincia di due lettere (es. MI).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="80" />
            <source>Use the two-letter country code (e.g. IT).</source>
            <translation>Usa il codice del paese di due lettere (es. IT).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="81" />
            <source>Not a valid IBAN: check the digits.</source>
            <translation>IBAN non valido: controlla le cifre.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="82" />
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="83" />
            <source>Not a valid e-mail address.</source>
            <translation>Indirizzo e-mail non valido.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="84" />
            <source>Choose an existing PNG or JPEG file.</source>
            <translation>Scegli un file PNG o JPEG esistente.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="85" />
            <source>Choose a tax regime (RF01 is the ordinary one).</source>
            <translation>Scegli un regime fiscale (RF01 è quello ordinario).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="98" />
            <source>RF01 – ordinary</source>
            <translation>RF01 – ordinario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="99" />
            <source>RF19 – flat-rate (forfettario)</source>
            <translation>RF19 – forfettario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="118" />
            <source>Choose…</source>
            <translation>Scegli…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="119" />
            <source>Choose the logo file</source>
            <translation>Scegli il file del logo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="126" />
            <source>e.g. Rossi Informatica S.r.l.</source>
            <translation>es. Rossi Informatica S.r.l.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="134" />
            <source>Company logo</source>
            <translation>Logo dell'azienda</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="134" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Immagini (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="170" />
            <source>Required: invoices cannot be issued without it.</source>
            <translation>Obbligatorio: senza non si possono emettere fatture.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/company_form.py" line="174" />
            <source>Not valid.</source>
            <translation>Non valido.</translation>
        </message>
    </context>
    <context>
        <name>CompanyPage</name>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="37" />
            <source>Your company</source>
            <translation>La tua azienda</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="40" />
            <source>The letterhead of invoices and reports. Only the name is needed now; the rest can be completed later in Settings.</source>
            <translation>L'intestazione di fatture e rapporti. Ora serve solo la ragione sociale; il resto si può completare più tardi in Impostazioni.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="80" />
            <source>Reading the company profile…</source>
            <translation>Lettura del profilo aziendale…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="96" />
            <source>The company profile could not be read: %1</source>
            <translation>Non è stato possibile leggere il profilo aziendale: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="111" />
            <source>Saving the company profile…</source>
            <translation>Salvataggio del profilo aziendale…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="125" />
            <source>The company profile could not be saved: %1</source>
            <translation>Non è stato possibile salvare il profilo aziendale: %1</translation>
        </message>
    </context>
    <context>
        <name>ConnectFailed</name>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_failed.py" line="26" />
            <source>Could not connect</source>
            <translation>Connessione non riuscita</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_failed.py" line="27" />
            <source>The remote session could not start.</source>
            <translation>La sessione remota non è partita.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_failed.py" line="31" />
            <source>Check that the machine is on and reachable, and that its connection profile (address, user, password) is right; then try again, or add a new connection profile.</source>
            <translation>Controlla che la macchina sia accesa e raggiungibile, e che il suo profilo di connessione (indirizzo, utente, password) sia giusto; poi riprova, oppure aggiungi un nuovo profilo di connessione.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_failed.py" line="37" />
            <source>&amp;Try again</source>
            <translation>&amp;Riprova</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_failed.py" line="42" />
            <source>&amp;New connection profile…</source>
            <translation>&amp;Nuovo profilo di connessione…</translation>
        </message>
    </context>
    <context>
        <name>CsvTransfer</name>
        <message>
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="37" />
            <source>Imported %1: %2 created, %3 updated, %4 unchanged.</source>
            <translation>Importati %1: %2 creati, %3 aggiornati, %4 invariati.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="51" />
            <source>Export to CSV</source>
            <translation>Esporta in CSV</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="51" />
            <source>CSV files (*.csv)</source>
            <translation>File CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="57" />
            <source>Exporting…</source>
            <translation>Esportazione in corso…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="61" />
            <source>Exported %n row(s) to %1</source>
            <translation>
                <numerusform>Esportata %n riga in %1</numerusform>
                <numerusform>Esportate %n righe in %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/csv_transfer.py" line="63" />
            <source>Export failed</source>
            <translation>Esportazione non riuscita</translation>
        </message>
    </context>
    <context>
        <name>DatabasePage</name>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="40" />
            <source>Where to keep the data</source>
            <translation>Dove tenere i dati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="43" />
            <source>Most desks use the embedded database. Choose a team database to share clients and machines.</source>
            <translation>Quasi sempre basta il database integrato. Scegli un database di team per condividere clienti e macchine.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="47" />
            <source>&amp;Embedded database on this PC (recommended: nothing to install)</source>
            <translation>Database &amp;integrato su questo PC (consigliato: niente da installare)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="50" />
            <source>&amp;Team database (PostgreSQL)</source>
            <translation>Database di &amp;team (PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="56" />
            <source>File: %1</source>
            <translation>File: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="62" />
            <source>Team database address (URL)</source>
            <translation>Indirizzo del database di team (URL)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="66" />
            <source>Team database password</source>
            <translation>Password del database di team</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="67" />
            <source>Test &amp;connection</source>
            <translation>&amp;Prova la connessione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="75" />
            <source>&amp;Address (URL):</source>
            <translation>In&amp;dirizzo (URL):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="76" />
            <source>&amp;Password:</source>
            <translation>Pass&amp;word:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="81" />
            <source>The password is kept in the system keyring, never in a file.</source>
            <translation>La password viene custodita nel portachiavi di sistema, mai in un file.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="146" />
            <source>Connecting…</source>
            <translation>Connessione in corso…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="151" />
            <source>Connection works.</source>
            <translation>La connessione funziona.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="160" />
            <source>The password cannot be stored: no usable system keyring. %1</source>
            <translation>Impossibile salvare la password: nessun portachiavi di sistema utilizzabile. %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="162" />
            <source>The database cannot be prepared: %1</source>
            <translation>Impossibile preparare il database: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="173" />
            <source>Preparing the database (schema upgrade)…</source>
            <translation>Preparazione del database (aggiornamento dello schema)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/database_page.py" line="193" />
            <source>Database ready.</source>
            <translation>Database pronto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="17" />
            <source>The server refused the password for user “%1”. Check the user name and password.</source>
            <translation>Il server ha rifiutato la password dell'utente “%1”. Controlla nome utente e password.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="18" />
            <source>The database “%2” does not exist on the server. Check its name, or ask the administrator to create it.</source>
            <translation>Il database “%2” non esiste sul server. Controlla il nome o chiedi all'amministratore di crearlo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="22" />
            <source>Nothing answers at %3. Check the address and port, and that PostgreSQL accepts network connections.</source>
            <translation>Nessuna risposta da %3. Controlla indirizzo e porta, e che PostgreSQL accetti connessioni di rete.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="26" />
            <source>The server name in the address cannot be found. Check the address.</source>
            <translation>Il nome del server nell'indirizzo non è stato trovato. Controlla l'indirizzo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="27" />
            <source>The server at %3 did not answer in time. Check the address and the network.</source>
            <translation>Il server %3 non ha risposto in tempo. Controlla l'indirizzo e la rete.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="28" />
            <source>The address is not a PostgreSQL URL. Write it like postgresql://user@server:5432/database.</source>
            <translation>L'indirizzo non è un URL PostgreSQL. Scrivilo così: postgresql://utente@server:5432/database.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="31" />
            <source>The connection failed.</source>
            <translation>La connessione non è riuscita.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/connection_words.py" line="39" />
            <source>Server message: %1</source>
            <translation>Messaggio del server: %1</translation>
        </message>
    </context>
    <context>
        <name>DatabaseTab</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="42" />
            <source>the embedded database (%1)</source>
            <translation>il database integrato (%1)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="44" />
            <source>the team database %1</source>
            <translation>il database di team %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="45" />
            <source>In use now: %1</source>
            <translation>In uso ora: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="53" />
            <source>&amp;Use this database from the next start</source>
            <translation>&amp;Usa questo database dal prossimo avvio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="69" />
            <source>Saved. Restart MSP Console to use this database.</source>
            <translation>Salvato. Riavvia MSP Console per usare questo database.</translation>
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="68" />
            <source>Loading…</source>
            <translation>Caricamento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="74" />
            <source>The card could not be read from the database: %1</source>
            <translation>Non è stato possibile leggere la scheda dal database: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="112" />
            <source>Nothing selected</source>
            <translation>Nessuna selezione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="115" />
            <source>Select a client or a machine in the tree to see its card here.</source>
            <translation>Seleziona un cliente o una macchina nell'albero per vederne la scheda qui.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="126" />
            <location filename="../../src/msp_console/ui/views/details.py" line="188" />
            <location filename="../../src/msp_console/ui/views/details.py" line="208" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="128" />
            <source>archived</source>
            <translation>archiviato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="131" />
            <source>VAT number</source>
            <translation>Partita IVA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="132" />
            <source>Tax code</source>
            <translation>Codice fiscale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="133" />
            <source>SdI code</source>
            <translation>Codice SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="134" />
            <source>PEC</source>
            <translation>PEC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="135" />
            <location filename="../../src/msp_console/ui/views/details.py" line="189" />
            <location filename="../../src/msp_console/ui/views/details.py" line="212" />
            <source>Address</source>
            <translation>Indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="136" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="137" />
            <source>Phone</source>
            <translation>Telefono</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="141" />
            <location filename="../../src/msp_console/ui/views/details.py" line="218" />
            <source>Security</source>
            <translation>Sicurezza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="142" />
            <source>Contacts</source>
            <translation>Contatti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="142" />
            <location filename="../../src/msp_console/ui/views/details.py" line="160" />
            <location filename="../../src/msp_console/ui/views/details.py" line="176" />
            <source>add</source>
            <translation>aggiungi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="152" />
            <source>edit</source>
            <translation>modifica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="154" />
            <source>delete</source>
            <translation>elimina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="159" />
            <source>No contacts yet.</source>
            <translation>Ancora nessun contatto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="160" />
            <source>Sites</source>
            <translation>Sedi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="173" />
            <source>No sites: all machines are at the client's address.</source>
            <translation>Nessuna sede: tutte le macchine sono all'indirizzo del cliente.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="176" />
            <location filename="../../src/msp_console/ui/views/details.py" line="190" />
            <source>Machines</source>
            <translation>Macchine</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/views/details.py" line="177" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n macchina</numerusform>
                <numerusform>%n macchine</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="180" />
            <location filename="../../src/msp_console/ui/views/details.py" line="220" />
            <source>Notes</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="181" />
            <source>Edit client…</source>
            <translation>Modifica cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="193" />
            <source>Edit site…</source>
            <translation>Modifica sede…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="194" />
            <location filename="../../src/msp_console/ui/views/details.py" line="209" />
            <source>Site</source>
            <translation>Sede</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="207" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="209" />
            <source>(none)</source>
            <translation>(nessuna)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="210" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="211" />
            <source>Operating system</source>
            <translation>Sistema operativo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="213" />
            <source>Behind</source>
            <translation>Dietro</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="214" />
            <source>Tags</source>
            <translation>Etichette</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="221" />
            <source>Edit machine…</source>
            <translation>Modifica macchina…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/details.py" line="222" />
            <source>Machine of %1</source>
            <translation>Macchina di %1</translation>
        </message>
    </context>
    <context>
        <name>DiskBanner</name>
        <message>
            <location filename="../../src/msp_console/ui/disk_guard_feature.py" line="37" />
            <source>Disk space warning</source>
            <translation>Avviso spazio su disco</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/disk_guard_feature.py" line="63" />
            <source>⚠ The disk holding the database is running out of room: %1 free (%2 % of the disk). Monitoring now keeps raw samples %3 hours and 5-minute averages %4 days so the database stops growing. Free some space on that disk, or move the backups folder elsewhere (Settings → Backups).</source>
            <translation>⚠ Il disco che contiene il database sta esaurendo lo spazio: %1 liberi (%2 % del disco). Il monitoraggio ora conserva i campioni grezzi per %3 ore e le medie a 5 minuti per %4 giorni, così il database smette di crescere. Libera spazio su quel disco, oppure sposta altrove la cartella dei backup (Impostazioni → Backup).</translation>
        </message>
    </context>
    <context>
        <name>EngineHost</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="184" />
            <source>team: listening to the shared pollers</source>
            <translation>team: in ascolto dei poller condivisi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="186" />
            <source>polling paused</source>
            <translation>monitoraggio sospeso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="188" />
            <source>polling starting…</source>
            <translation>monitoraggio in avvio…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="193" />
            <source>%1 checks/min</source>
            <translation>%1 controlli/min</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="190" />
            <source>polling running (demo simulator)</source>
            <translation>monitoraggio attivo (simulatore demo)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="192" />
            <source>polling running</source>
            <translation>monitoraggio attivo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="195" />
            <source>failed writes: %1</source>
            <translation>scritture non riuscite: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/engine_host.py" line="197" />
            <source>last error: %1</source>
            <translation>ultimo errore: %1</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/error_dialog.py" line="46" />
            <source>Something went wrong</source>
            <translation>Qualcosa è andato storto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/error_dialog.py" line="64" />
            <source>Error details</source>
            <translation>Dettagli dell'errore</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/error_dialog.py" line="68" />
            <source>Copy details</source>
            <translation>Copia i dettagli</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/error_dialog.py" line="77" />
            <source>Copied</source>
            <translation>Copiato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/error_dialog.py" line="50" />
            <source>MSP Console hit an unexpected error:
%1

What you were doing may not have been completed; the rest of the program keeps working. If something looks wrong, restart MSP Console.

The details are in the log file:
%2</source>
            <translation>MSP Console ha incontrato un errore imprevisto:
%1

L'operazione in corso potrebbe non essere stata completata; il resto del programma continua a funzionare. Se qualcosa non sembra corretto, riavvia MSP Console.

I dettagli sono nel file di log:
%2</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="215" />
            <source>Welcome to MSP Console</source>
            <translation>Benvenuto in MSP Console</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="54" />
            <source>Your name</source>
            <translation>Il tuo nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="57" />
            <source>Interface language</source>
            <translation>Lingua dell'interfaccia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="58" />
            <source>System language</source>
            <translation>Lingua di sistema</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="64" />
            <source>&amp;Your name:</source>
            <translation>Il tuo &amp;nome:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="65" />
            <source>Signs appointments, acknowledgements and remote sessions.</source>
            <translation>Firma appuntamenti, prese in carico e sessioni remote.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="66" />
            <source>&amp;Language:</source>
            <translation>&amp;Lingua:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="67" />
            <source>A new language applies at the next start.</source>
            <translation>La nuova lingua si applica dal prossimo avvio.</translation>
        </message>
    </context>
    <context>
        <name>HealthState</name>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="25" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="26" />
            <source>Warning</source>
            <translation>Avviso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="27" />
            <source>Critical</source>
            <translation>Critico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="28" />
            <source>Unknown</source>
            <translation>Sconosciuto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="29" />
            <source>Unreachable</source>
            <translation>Irraggiungibile</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/states.py" line="30" />
            <source>Pending</source>
            <translation>In attesa</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="45" />
            <source>Keyboard shortcuts</source>
            <translation>Scorciatoie da tastiera</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="51" />
            <source>About MSP Console</source>
            <translation>Informazioni su MSP Console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="74" />
            <source>The demo could not be started (%1). Try again, or reinstall MSP Console.</source>
            <translation>Non è stato possibile avviare la demo (%1). Riprova, oppure reinstalla MSP Console.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="31" />
            <source>Open the selected item (in the tree); OK (in a dialog)</source>
            <translation>Apre l'elemento selezionato (nell'albero); OK (in una finestra di dialogo)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="32" />
            <source>Close the dialog</source>
            <translation>Chiude la finestra di dialogo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="34" />
            <source>Clear the filter (in a search or filter box); again: back to the list</source>
            <translation>Svuota il filtro (in una casella di ricerca o filtro); di nuovo: torna all'elenco</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="36" />
            <source>The selected item's menu</source>
            <translation>Il menu dell'elemento selezionato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="72" />
            <source>The demo opens in a window of its own…</source>
            <translation>La demo si apre in una finestra a parte…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="75" />
            <source>Open the demo</source>
            <translation>Apri la demo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/help_dialogs.py" line="52" />
            <source>&lt;h3&gt;MSP Console %1&lt;/h3&gt;&lt;p&gt;The desktop console of a Managed Service Provider: clients, machines, monitoring, interventions and billing.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL v3 or later.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;MSP Console %1&lt;/h3&gt;&lt;p&gt;La console desktop di un Managed Service Provider: clienti, macchine, monitoraggio, interventi e fatturazione.&lt;/p&gt;&lt;p&gt;Distribuito con licenza GNU GPL v3 o successiva.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>HostKeyDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="165" />
            <source>Host key CHANGED</source>
            <translation>Chiave host CAMBIATA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="168" />
            <source>&lt;b&gt;The host key of %1 has changed.&lt;/b&gt;&lt;br&gt;This happens after a reinstall — or when someone is intercepting the connection. No credentials were sent.&lt;br&gt;&lt;br&gt;Trusted before: &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Presented now: &lt;tt&gt;%3&lt;/tt&gt;&lt;br&gt;&lt;br&gt;Verify the new fingerprint on the server's console before accepting it.</source>
            <translation>&lt;b&gt;La chiave host di %1 è cambiata.&lt;/b&gt;&lt;br&gt;Succede dopo una reinstallazione — oppure quando qualcuno sta intercettando la connessione. Non è stata inviata alcuna credenziale.&lt;br&gt;&lt;br&gt;Attendibile prima: &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Presentata ora: &lt;tt&gt;%3&lt;/tt&gt;&lt;br&gt;&lt;br&gt;Verifica la nuova impronta sulla console del server prima di accettarla.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="185" />
            <source>I verified the new fingerprint; the change is expected</source>
            <translation>Ho verificato la nuova impronta; il cambio è previsto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="188" />
            <source>Why (logged): e.g. server reinstalled, ticket 812</source>
            <translation>Motivo (registrato): es. server reinstallato, ticket 812</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="190" />
            <source>Accept the new key</source>
            <translation>Accetta la nuova chiave</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="201" />
            <source>Trust host key</source>
            <translation>Considera attendibile la chiave host</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="204" />
            <source>%1 presented a host key this console has never seen:&lt;br&gt;&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;&lt;br&gt;Compare it with the server's own fingerprint (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;) before trusting it.</source>
            <translation>%1 ha presentato una chiave host mai vista da questa console:&lt;br&gt;&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;&lt;br&gt;Confrontala con l'impronta del server (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;) prima di considerarla attendibile.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="216" />
            <source>Trust this key</source>
            <translation>Considera attendibile questa chiave</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="46" />
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="103" />
            <source>Import from CSV</source>
            <translation>Importa da CSV</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="50" />
            <source>Clients</source>
            <translation>Clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="50" />
            <source>Contacts</source>
            <translation>Contatti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="50" />
            <source>Machines</source>
            <translation>Macchine</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="55" />
            <source>a .csv file saved from Excel or LibreOffice</source>
            <translation>un file .csv salvato da Excel o LibreOffice</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="56" />
            <source>&amp;Browse…</source>
            <translation>&amp;Sfoglia…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="62" />
            <source>&amp;What:</source>
            <translation>&amp;Cosa:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="63" />
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="68" />
            <source>Choose a file, then Preview shows what would change. Nothing is written until you press Import.</source>
            <translation>Scegli un file, poi Anteprima mostra cosa cambierebbe. Non viene scritto nulla finché non premi Importa.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="77" />
            <source>&amp;Preview</source>
            <translation>&amp;Anteprima</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="80" />
            <source>&amp;Import</source>
            <translation>&amp;Importa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="105" />
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>File CSV (*.csv *.txt);;Tutti i file (*)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="132" />
            <source>'%1' is not a file. Choose the CSV with Browse.</source>
            <translation>'%1' non è un file. Scegli il CSV con Sfoglia.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="136" />
            <source>Reading the file…</source>
            <translation>Lettura del file…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="144" />
            <source>%n row(s) read: %2 to create, %3 to update, %4 unchanged. Press Import to write them.</source>
            <translation>
                <numerusform>%n riga letta: %2 da creare, %3 da aggiornare, %4 invariate. Premi Importa per scriverle.</numerusform>
                <numerusform>%n righe lette: %2 da creare, %3 da aggiornare, %4 invariate. Premi Importa per scriverle.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="152" />
            <source>Nothing would change.</source>
            <translation>Non cambierebbe nulla.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="162" />
            <source>The file has %n problem(s); nothing will be imported. Fix them in the spreadsheet and preview again.</source>
            <translation>
                <numerusform>Il file ha %n problema; non verrà importato nulla. Correggilo nel foglio di calcolo e ripeti l'anteprima.</numerusform>
                <numerusform>Il file ha %n problemi; non verrà importato nulla. Correggili nel foglio di calcolo e ripeti l'anteprima.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="170" />
            <source>The file could not be read: %1</source>
            <translation>Impossibile leggere il file: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/import_dialog.py" line="177" />
            <source>Importing…</source>
            <translation>Importazione in corso…</translation>
        </message>
    </context>
    <context>
        <name>InventoryController</name>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="49" />
            <source>Cannot read the database</source>
            <translation>Impossibile leggere il database</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="60" />
            <source>The change could not be saved: %1</source>
            <translation>Non è stato possibile salvare la modifica: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="61" />
            <source>Not saved</source>
            <translation>Non salvato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="69" />
            <source>Not found</source>
            <translation>Non trovato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="69" />
            <source>The tree will be reloaded.</source>
            <translation>L'albero verrà ricaricato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="94" />
            <source>the contact no longer exists</source>
            <translation>il contatto non esiste più</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="107" />
            <source>Client created.</source>
            <translation>Cliente creato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="112" />
            <source>Site created.</source>
            <translation>Sede creata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="120" />
            <source>Contact created.</source>
            <translation>Contatto creato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="128" />
            <source>Machine created.</source>
            <translation>Macchina creata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="134" />
            <source>Saved.</source>
            <translation>Salvato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="143" />
            <source>the site no longer exists</source>
            <translation>la sede non esiste più</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="171" />
            <source>Contact saved.</source>
            <translation>Contatto salvato.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="187" />
            <source>%n site(s)</source>
            <translation>
                <numerusform>%n sede</numerusform>
                <numerusform>%n sedi</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="188" />
            <source>%n contact(s)</source>
            <translation>
                <numerusform>%n contatto</numerusform>
                <numerusform>%n contatti</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="189" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n macchina</numerusform>
                <numerusform>%n macchine</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="192" />
            <source>Delete the client '%1'?

Its %2, %3 and %4 will be deleted with it. A client with history (interventions, invoices) is archived instead, so its past work stays on record.</source>
            <translation>Eliminare il cliente '%1'?

Verranno eliminati anche: %2, %3 e %4. Un cliente con uno storico (interventi, fatture) viene invece archiviato, così il lavoro passato resta registrato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="197" />
            <source>Delete client</source>
            <translation>Elimina cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="204" />
            <source>'%1' has history, so it was archived instead of deleted. View → Show archived clients shows it again.</source>
            <translation>'%1' ha uno storico, quindi è stato archiviato invece che eliminato. Visualizza → Mostra clienti archiviati lo fa rivedere.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="207" />
            <source>Client archived</source>
            <translation>Cliente archiviato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="209" />
            <source>Client '%1' deleted.</source>
            <translation>Cliente '%1' eliminato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="215" />
            <source>Delete the site '%1'?

Its machines stay with the client, at no site.</source>
            <translation>Eliminare la sede '%1'?

Le sue macchine restano al cliente, senza sede.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="216" />
            <source>Delete site</source>
            <translation>Elimina sede</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="222" />
            <source>Site deleted; %n machine(s) moved to no site.</source>
            <translation>
                <numerusform>Sede eliminata; %n macchina è rimasta senza sede.</numerusform>
                <numerusform>Sede eliminata; %n macchine sono rimaste senza sede.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="228" />
            <source>Delete the machine '%1'?</source>
            <translation>Eliminare la macchina '%1'?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="231" />
            <source>Behind it: %n machine(s), which will no longer have a parent.</source>
            <translation>
                <numerusform>Dietro di essa c'è %n macchina, che non avrà più un nodo padre.</numerusform>
                <numerusform>Dietro di essa ci sono %n macchine, che non avranno più un nodo padre.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="233" />
            <source>Delete machine</source>
            <translation>Elimina macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="235" />
            <source>Machine '%1' deleted.</source>
            <translation>Macchina '%1' eliminata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="245" />
            <source>Delete the contact '%1' of %2?</source>
            <translation>Eliminare il contatto '%1' di %2?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="246" />
            <source>Delete contact</source>
            <translation>Elimina contatto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="248" />
            <source>Contact deleted.</source>
            <translation>Contatto eliminato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="254" />
            <source>Client archived.</source>
            <translation>Cliente archiviato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/inventory_controller.py" line="254" />
            <source>Client restored.</source>
            <translation>Cliente ripristinato.</translation>
        </message>
    </context>
    <context>
        <name>InventoryDialogs</name>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="29" />
            <source>Edit client</source>
            <translation>Modifica cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="29" />
            <source>New client</source>
            <translation>Nuovo cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="32" />
            <source>Company</source>
            <translation>Azienda</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="33" />
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="66" />
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="85" />
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="114" />
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="33" />
            <source>e.g. Hotel Bellavista S.r.l.</source>
            <translation>es. Hotel Bellavista S.r.l.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="35" />
            <source>&amp;VAT number:</source>
            <translation>Partita &amp;IVA:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="35" />
            <source>11 digits (partita IVA)</source>
            <translation>11 cifre (partita IVA)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="37" />
            <source>&amp;Tax code:</source>
            <translation>Codice &amp;fiscale:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="37" />
            <source>codice fiscale</source>
            <translation>codice fiscale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="38" />
            <source>&amp;SdI code:</source>
            <translation>Codice &amp;SdI:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="38" />
            <source>7 characters</source>
            <translation>7 caratteri</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="39" />
            <source>&amp;PEC:</source>
            <translation>&amp;PEC:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="39" />
            <source>certified e-mail</source>
            <translation>posta elettronica certificata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="40" />
            <source>Address</source>
            <translation>Indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="41" />
            <source>Str&amp;eet:</source>
            <translation>&amp;Via:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="42" />
            <source>Postal &amp;code:</source>
            <translation>&amp;CAP:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="42" />
            <source>CAP, 5 digits</source>
            <translation>CAP, 5 cifre</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="43" />
            <source>C&amp;ity:</source>
            <translation>Ci&amp;ttà:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="44" />
            <source>P&amp;rovince:</source>
            <translation>P&amp;rovincia:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="44" />
            <source>e.g. MI</source>
            <translation>es. MI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="45" />
            <source>Co&amp;untry:</source>
            <translation>P&amp;aese:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="45" />
            <source>two letters</source>
            <translation>due lettere</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="46" />
            <source>Reaching them</source>
            <translation>Recapiti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="47" />
            <source>E-&amp;mail:</source>
            <translation>E-&amp;mail:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="48" />
            <source>P&amp;hone:</source>
            <translation>&amp;Telefono:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="49" />
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="143" />
            <source>N&amp;otes:</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="65" />
            <source>Site</source>
            <translation>Sede</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="66" />
            <source>e.g. Main office</source>
            <translation>es. Sede principale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="67" />
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="129" />
            <source>&amp;Address:</source>
            <translation>In&amp;dirizzo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="84" />
            <source>Contact</source>
            <translation>Contatto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="86" />
            <source>&amp;Role:</source>
            <translation>&amp;Ruolo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="86" />
            <source>e.g. Owner, Office manager</source>
            <translation>es. Titolare, Responsabile d'ufficio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="87" />
            <source>&amp;Phone:</source>
            <translation>&amp;Telefono:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="88" />
            <source>&amp;Mobile:</source>
            <translation>&amp;Cellulare:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="89" />
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="90" />
            <source>Primar&amp;y contact (called first)</source>
            <translation>Contatto &amp;principale (chiamato per primo)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="113" />
            <source>Machine</source>
            <translation>Macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="114" />
            <source>e.g. SRV-01</source>
            <translation>es. SRV-01</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="118" />
            <source>&amp;Kind:</source>
            <translation>T&amp;ipo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="125" />
            <source>O&amp;perating system:</source>
            <translation>Sistema &amp;operativo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="129" />
            <source>host name or IP address</source>
            <translation>nome host o indirizzo IP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="130" />
            <source>Where it sits</source>
            <translation>Dove si trova</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="134" />
            <source>&amp;Site:</source>
            <translation>&amp;Sede:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="140" />
            <source>&amp;Behind (parent):</source>
            <translation>&amp;Dietro a (padre):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="142" />
            <source>&amp;Tags:</source>
            <translation>&amp;Etichette:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="142" />
            <source>comma-separated</source>
            <translation>separate da virgola</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="112" />
            <source>(none)</source>
            <translation>(nessuna)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="58" />
            <source>Edit site of %1</source>
            <translation>Modifica sede di %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="58" />
            <source>New site for %1</source>
            <translation>Nuova sede per %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="76" />
            <source>Edit contact of %1</source>
            <translation>Modifica contatto di %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="76" />
            <source>New contact for %1</source>
            <translation>Nuovo contatto per %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="104" />
            <source>Edit machine of %1</source>
            <translation>Modifica macchina di %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/inventory_dialogs.py" line="104" />
            <source>New machine for %1</source>
            <translation>Nuova macchina per %1</translation>
        </message>
    </context>
    <context>
        <name>InvoiceMailPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="65" />
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="79" />
            <source>Send from</source>
            <translation>Invia da</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="66" />
            <source>Attach the service report of the month before the invoice</source>
            <translation>Allega il rapporto di servizio del mese precedente la fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="71" />
            <source> days after the due date</source>
            <translation> giorni dopo la scadenza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="72" />
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="81" />
            <source>Remind</source>
            <translation>Sollecita</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="76" />
            <source> days</source>
            <translation> giorni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="77" />
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="82" />
            <source>Never again within</source>
            <translation>Non di nuovo prima di</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="85" />
            <source>Courtesy copy of an invoice</source>
            <translation>Copia di cortesia di una fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="86" />
            <source>Payment reminder</source>
            <translation>Sollecito di pagamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="95" />
            <source>Subject</source>
            <translation>Oggetto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="98" />
            <source>Text</source>
            <translation>Testo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="101" />
            <source>Restore the default text</source>
            <translation>Ripristina il testo predefinito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="111" />
            <source>Texts (the client's language is the invoice's)</source>
            <translation>Testi (la lingua del cliente è quella della fattura)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="125" />
            <source>The first ordinary account</source>
            <translation>Il primo account ordinario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="154" />
            <source>Placeholders: %1</source>
            <translation>Segnaposto: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="194" />
            <source>subject</source>
            <translation>oggetto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="194" />
            <source>text</source>
            <translation>testo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="196" />
            <source>The %1 of this e-mail must not be empty.</source>
            <translation>Il campo %1 di questa e-mail non può essere vuoto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/invoice_mail_page.py" line="199" />
            <source>The %1 of this e-mail uses an unknown placeholder or an unclosed brace; use %2.</source>
            <translation>Il campo %1 di questa e-mail usa un segnaposto sconosciuto o una graffa non chiusa; usa %2.</translation>
        </message>
    </context>
    <context>
        <name>InvoicesTab</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="163" />
            <source>Invoice number format</source>
            <translation>Formato del numero di fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="172" />
            <source> days</source>
            <translation> giorni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="173" />
            <source>Payment terms</source>
            <translation>Termini di pagamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="174" />
            <source>&amp;End of month</source>
            <translation>&amp;Fine mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="178" />
            <source>Language of new invoices</source>
            <translation>Lingua delle nuove fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="179" />
            <source>Italian</source>
            <translation>Italiano</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="180" />
            <source>English</source>
            <translation>Inglese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="182" />
            <source>Write the month's service &amp;report beside each invoice PDF</source>
            <translation>Scrivi il &amp;rapporto del servizio del mese accanto a ogni PDF di fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="186" />
            <source>Invoice footer</source>
            <translation>Piè di pagina della fattura</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="194" />
            <source>&amp;Number format:</source>
            <translation>Formato del &amp;numero:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="196" />
            <source>&amp;Payment terms:</source>
            <translation>&amp;Termini di pagamento:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="200" />
            <source>&amp;Language of new invoices:</source>
            <translation>&amp;Lingua delle nuove fatture:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="202" />
            <source>&amp;Footer:</source>
            <translation>&amp;Piè di pagina:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="209" />
            <source>Use {year} and {seq}, e.g. {year}/{seq:04d}.</source>
            <translation>Usa {year} e {seq}, es. {year}/{seq:04d}.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/db_pages.py" line="214" />
            <source>The first invoice of 2026: %1</source>
            <translation>La prima fattura del 2026: %1</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="16" />
            <source>Workstation</source>
            <translation>Postazione di lavoro</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="17" />
            <source>Laptop</source>
            <translation>Portatile</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="18" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="19" />
            <source>Firewall</source>
            <translation>Firewall</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="20" />
            <source>Switch</source>
            <translation>Switch</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="21" />
            <source>NAS</source>
            <translation>NAS</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="22" />
            <source>Printer</source>
            <translation>Stampante</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="23" />
            <location filename="../../src/msp_console/ui/labels.py" line="36" />
            <source>Other</source>
            <translation>Altro</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="33" />
            <source>Windows</source>
            <translation>Windows</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="34" />
            <source>Linux</source>
            <translation>Linux</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="35" />
            <source>macOS</source>
            <translation>macOS</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="89" />
            <source>OpenSSH in a terminal</source>
            <translation>OpenSSH in un terminale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="90" />
            <source>OpenSSH in a console</source>
            <translation>OpenSSH in una console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="91" />
            <source>default browser</source>
            <translation>browser predefinito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="92" />
            <source>Remote Desktop Connection</source>
            <translation>Connessione Desktop remoto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="93" />
            <source>TigerVNC viewer</source>
            <translation>Visualizzatore TigerVNC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="94" />
            <source>TightVNC viewer</source>
            <translation>Visualizzatore TightVNC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="95" />
            <source>RealVNC viewer</source>
            <translation>Visualizzatore RealVNC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="47" />
            <source>Ping</source>
            <translation>Ping</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="48" />
            <source>TCP port</source>
            <translation>Porta TCP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="49" />
            <source>Web site (HTTP)</source>
            <translation>Sito web (HTTP)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="50" />
            <source>System over SSH</source>
            <translation>Sistema via SSH</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="51" />
            <source>Monitoring plugin</source>
            <translation>Plugin di monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="52" />
            <source>Backup age</source>
            <translation>Età del backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="53" />
            <source>SNMP</source>
            <translation>SNMP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="54" />
            <source>Restic backup</source>
            <translation>Backup restic</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="55" />
            <source>Borg backup</source>
            <translation>Backup Borg</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="56" />
            <source>Proxmox Backup Server</source>
            <translation>Proxmox Backup Server</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="57" />
            <source>Synology Hyper Backup</source>
            <translation>Synology Hyper Backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="58" />
            <source>Veeam backup job</source>
            <translation>Processo di backup Veeam</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="59" />
            <source>Windows Server Backup</source>
            <translation>Windows Server Backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="68" />
            <source>Web</source>
            <translation>Web</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="72" />
            <source>Custom command</source>
            <translation>Comando personalizzato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="78" />
            <source>None (key, agent, or typed in the tool)</source>
            <translation>Nessuna (chiave, agent o digitata nel programma)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="79" />
            <source>This profile's password</source>
            <translation>La password di questo profilo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="80" />
            <source>The client's admin credential</source>
            <translation>La credenziale di amministratore del cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="81" />
            <source>A shared credential</source>
            <translation>Una credenziale condivisa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="82" />
            <source>Ask every time</source>
            <translation>Chiedi ogni volta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="101" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/labels.py" line="101" />
            <source>Site</source>
            <translation>Sede</translation>
        </message>
    </context>
    <context>
        <name>Launch</name>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="145" />
            <source>No client or machine named '%1'.</source>
            <translation>Nessun cliente o macchina di nome '%1'.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="199" />
            <source>MSP Console cannot start</source>
            <translation>MSP Console non può avviarsi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="200" />
            <source>MSP Console could not open its database.</source>
            <translation>MSP Console non è riuscito ad aprire il suo database.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="204" />
            <source>&amp;Retry</source>
            <translation>&amp;Riprova</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="207" />
            <source>Open this PC's &amp;own database</source>
            <translation>Apri il database di &amp;questo PC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="210" />
            <source>Only this time: the team database stays the one chosen in Settings.</source>
            <translation>Solo questa volta: il database di team resta quello scelto nelle Impostazioni.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/launch.py" line="214" />
            <source>&amp;Quit</source>
            <translation>&amp;Esci</translation>
        </message>
    </context>
    <context>
        <name>LineChart</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/chart.py" line="173" />
            <source>no data in this period</source>
            <translation>nessun dato in questo periodo</translation>
        </message>
    </context>
    <context>
        <name>MachineView</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="52" />
            <source>Disk used</source>
            <translation>Disco occupato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="53" />
            <source>Load per core</source>
            <translation>Carico per core</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="54" />
            <source>Memory used</source>
            <translation>Memoria occupata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="55" />
            <source>Round-trip time</source>
            <translation>Tempo di andata e ritorno</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="56" />
            <source>Backup age</source>
            <translation>Età del backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="57" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="58" />
            <source>Response time</source>
            <translation>Tempo di risposta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="59" />
            <source>Backup size</source>
            <translation>Dimensione del backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="94" />
            <source>Check now</source>
            <translation>Controlla ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="95" />
            <source>Add check…</source>
            <translation>Aggiungi controllo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="96" />
            <source>Edit…</source>
            <translation>Modifica…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="97" />
            <source>Remove</source>
            <translation>Rimuovi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="98" />
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="108" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="109" />
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="129" />
            <source>Check</source>
            <translation>Controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="110" />
            <source>Last result</source>
            <translation>Ultimo risultato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="111" />
            <source>Last run</source>
            <translation>Ultima esecuzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="112" />
            <source>Next run</source>
            <translation>Prossima esecuzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="113" />
            <source>Thresholds</source>
            <translation>Soglie</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="114" />
            <source>Every</source>
            <translation>Ogni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="129" />
            <source>When</source>
            <translation>Quando</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="129" />
            <source>Change</source>
            <translation>Cambiamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="129" />
            <source>Result</source>
            <translation>Risultato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="138" />
            <source>History:</source>
            <translation>Storico:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="197" />
            <source>warning %1</source>
            <translation>avviso %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="198" />
            <source>critical %1</source>
            <translation>critico %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="205" />
            <source>default</source>
            <translation>predefinite</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="243" />
            <source>Cannot add the check</source>
            <translation>Impossibile aggiungere il controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="253" />
            <source>Cannot save the check</source>
            <translation>Impossibile salvare il controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="261" />
            <source>Remove check</source>
            <translation>Rimuovi controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="262" />
            <source>Remove the check '%1' and its history?</source>
            <translation>Rimuovere il controllo '%1' e il suo storico?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="268" />
            <source>Cannot remove the check</source>
            <translation>Impossibile rimuovere il controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/machine_view.py" line="318" />
            <source>No metrics recorded for this machine yet.</source>
            <translation>Nessuna metrica ancora registrata per questa macchina.</translation>
        </message>
    </context>
    <context>
        <name>MailAccountDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="47" />
            <source>Edit mail account</source>
            <translation>Modifica account di posta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="47" />
            <source>Add mail account</source>
            <translation>Aggiungi account di posta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="50" />
            <source>Ordinary mailbox (courtesy copies, reminders)</source>
            <translation>Casella ordinaria (copie di cortesia, solleciti)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="51" />
            <source>PEC (certified mail, for the SdI)</source>
            <translation>PEC (posta certificata, per lo SdI)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="53" />
            <source>TLS (ports 465 / 993)</source>
            <translation>TLS (porte 465 / 993)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="54" />
            <source>STARTTLS (ports 587 / 143)</source>
            <translation>STARTTLS (porte 587 / 143)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="58" />
            <source>(the SMTP server)</source>
            <translation>(il server SMTP)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="64" />
            <source>(unchanged)</source>
            <translation>(invariata)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="66" />
            <source>(the user name)</source>
            <translation>(il nome utente)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="68" />
            <source>only for a self-signed certificate</source>
            <translation>solo per un certificato autofirmato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="76" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="77" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="78" />
            <source>Security</source>
            <translation>Sicurezza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="79" />
            <source>SMTP server</source>
            <translation>Server SMTP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="80" />
            <source>SMTP port</source>
            <translation>Porta SMTP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="81" />
            <source>IMAP server</source>
            <translation>Server IMAP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="82" />
            <source>IMAP port</source>
            <translation>Porta IMAP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="83" />
            <source>User name</source>
            <translation>Nome utente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="84" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="85" />
            <source>Sender address</source>
            <translation>Indirizzo del mittente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="86" />
            <source>Pinned certificate (SHA-256)</source>
            <translation>Certificato fissato (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="153" />
            <source>1 to 60 letters, digits or . _ @ - (for example pec or office).</source>
            <translation>Da 1 a 60 lettere, cifre o . _ @ - (per esempio pec o ufficio).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="154" />
            <source>A server name such as smtps.pec.example.it.</source>
            <translation>Un nome di server come smtps.pec.example.it.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="155" />
            <source>A server name such as imaps.pec.example.it.</source>
            <translation>Un nome di server come imaps.pec.example.it.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="156" />
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="157" />
            <source>A port between 1 and 65535.</source>
            <translation>Una porta tra 1 e 65535.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="158" />
            <source>The user name (usually the mailbox address) is required.</source>
            <translation>Il nome utente (di solito l'indirizzo della casella) è obbligatorio.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="159" />
            <source>A new account needs its password.</source>
            <translation>Un nuovo account richiede la sua password.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="160" />
            <source>This is not an e-mail address to send from.</source>
            <translation>Questo non è un indirizzo e-mail da cui inviare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="161" />
            <source>A SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.</source>
            <translation>Un'impronta SHA-256: 64 cifre esadecimali, i due punti sono ammessi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="162" />
            <source>This value is not valid.</source>
            <translation>Questo valore non è valido.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="196" />
            <source>A mail account with this name exists already.</source>
            <translation>Esiste già un account di posta con questo nome.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_account_dialog.py" line="199" />
            <source>The account could not be saved: %1</source>
            <translation>Non è stato possibile salvare l'account: %1</translation>
        </message>
    </context>
    <context>
        <name>MailAccountsPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="41" />
            <source>Mail accounts</source>
            <translation>Account di posta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="43" />
            <source>&amp;Add…</source>
            <translation>&amp;Aggiungi…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="45" />
            <source>&amp;Edit…</source>
            <translation>&amp;Modifica…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="47" />
            <source>&amp;Test connection</source>
            <translation>&amp;Prova la connessione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="49" />
            <source>&amp;Remove</source>
            <translation>&amp;Rimuovi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="51" />
            <source>&amp;Pin this certificate</source>
            <translation>&amp;Fissa questo certificato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="67" />
            <source>Courtesy copies and payment reminders leave from an ordinary mailbox; FatturaPA files go to the SdI from a PEC mailbox. Passwords are kept in the operating system's keyring.</source>
            <translation>Le copie di cortesia e i solleciti di pagamento partono da una casella ordinaria; i file FatturaPA vanno allo SdI da una casella PEC. Le password sono conservate nel portachiavi del sistema operativo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="107" />
            <source>PEC</source>
            <translation>PEC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="107" />
            <source>ordinary</source>
            <translation>ordinaria</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="108" />
            <source>, pinned certificate</source>
            <translation>, certificato fissato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="114" />
            <source>No mail account yet: add one.</source>
            <translation>Ancora nessun account di posta: aggiungine uno.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="122" />
            <source>The mail accounts could not be read: %1</source>
            <translation>Non è stato possibile leggere gli account di posta: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="139" />
            <source>Testing %1…</source>
            <translation>Prova di %1…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="170" />
            <source>Certificate pinned: test the connection again.</source>
            <translation>Certificato fissato: prova di nuovo la connessione.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="181" />
            <source>Remove mail account</source>
            <translation>Rimuovi account di posta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/mail_page.py" line="182" />
            <source>Remove the mail account %1 and its password?</source>
            <translation>Rimuovere l'account di posta %1 e la sua password?</translation>
        </message>
    </context>
    <context>
        <name>MailWords</name>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="15" />
            <source>The server name {host} could not be found (DNS): check the spelling and the network.</source>
            <translation>Il nome del server {host} non è stato trovato (DNS): controlla come è scritto e la rete.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="18" />
            <source>{host}:{port} refused the connection: wrong port, or the server is down.</source>
            <translation>{host}:{port} ha rifiutato la connessione: porta sbagliata, o il server è spento.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="21" />
            <source>{host}:{port} did not answer in time.</source>
            <translation>{host}:{port} non ha risposto in tempo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="22" />
            <source>{host}:{port} cannot be reached ({detail}).</source>
            <translation>{host}:{port} non è raggiungibile ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="23" />
            <source>The TLS certificate of {host}:{port} is not trusted ({detail}).</source>
            <translation>Il certificato TLS di {host}:{port} non è attendibile ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="26" />
            <source>The TLS certificate of {host}:{port} is not the pinned one: someone may be intercepting the connection, or the provider changed its certificate.</source>
            <translation>Il certificato TLS di {host}:{port} non è quello fissato: qualcuno potrebbe intercettare la connessione, oppure il gestore ha cambiato certificato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="31" />
            <source>The TLS handshake with {host}:{port} failed ({detail}).</source>
            <translation>La negoziazione TLS con {host}:{port} non è riuscita ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="32" />
            <source>{host}:{port} does not offer STARTTLS: choose implicit TLS or another port.</source>
            <translation>{host}:{port} non offre STARTTLS: scegli TLS implicito o un'altra porta.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="35" />
            <source>{host} refused the login of {user}: wrong user name or password.</source>
            <translation>{host} ha rifiutato l'accesso di {user}: nome utente o password sbagliati.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="38" />
            <source>No password is stored for the mail account {account}: enter it again.</source>
            <translation>Nessuna password salvata per l'account di posta {account}: inseriscila di nuovo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="41" />
            <source>The folder {folder} does not exist on {host} or cannot be opened.</source>
            <translation>La cartella {folder} non esiste su {host} o non si può aprire.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="44" />
            <source>{host}:{port} dropped the connection; nothing was lost, try again.</source>
            <translation>{host}:{port} ha interrotto la connessione; non si è perso nulla, riprova.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="47" />
            <source>{host} refused the recipient(s) {detail}.</source>
            <translation>{host} ha rifiutato i destinatari {detail}.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="48" />
            <source>{host} refused the sender {detail}.</source>
            <translation>{host} ha rifiutato il mittente {detail}.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="49" />
            <source>{host}:{port} answered something unexpected ({detail}).</source>
            <translation>{host}:{port} ha risposto in modo inatteso ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="51" />
            <source>Sending (SMTP): logged in.</source>
            <translation>Invio (SMTP): accesso riuscito.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="52" />
            <source>Reading (IMAP): logged in; messages in the inbox: %1.</source>
            <translation>Lettura (IMAP): accesso riuscito; messaggi nella posta in arrivo: %1.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="53" />
            <source>Sending (SMTP): %1</source>
            <translation>Invio (SMTP): %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="54" />
            <source>Reading (IMAP): %1</source>
            <translation>Lettura (IMAP): %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/mail_words.py" line="55" />
            <source>The server shows a certificate with SHA-256 fingerprint %1. Compare it with the one your provider publishes: if it is the same, pin it.</source>
            <translation>Il server presenta un certificato con impronta SHA-256 %1. Confrontala con quella pubblicata dal tuo gestore: se è la stessa, fissala.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="71" />
            <source>MSP Console</source>
            <translation>MSP Console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="81" />
            <source>Overview</source>
            <translation>Panoramica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="84" />
            <source>Clients</source>
            <translation>Clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="87" />
            <source>Details</source>
            <translation>Dettagli</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="98" />
            <source>Quick find (Ctrl+K)…</source>
            <translation>Ricerca rapida (Ctrl+K)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="102" />
            <source>C&amp;lients pane</source>
            <translation>Pannello c&amp;lienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="103" />
            <source>De&amp;tails pane</source>
            <translation>Pannello &amp;dettagli</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="161" />
            <source>polling: not configured</source>
            <translation>monitoraggio: non configurato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="162" />
            <source>local</source>
            <translation>locale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="163" />
            <source>DB: %1</source>
            <translation>DB: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/main_window.py" line="244" />
            <source>%Ln client(s)</source>
            <translation>
                <numerusform>%Ln cliente</numerusform>
                <numerusform>%Ln clienti</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/main_window.py" line="246" />
            <source>%Ln machine(s)</source>
            <translation>
                <numerusform>%Ln macchina</numerusform>
                <numerusform>%Ln macchine</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="260" />
            <source>Cannot read the database</source>
            <translation>Impossibile leggere il database</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/main_window.py" line="262" />
            <source>The tree could not be loaded: %1

Check that the database is reachable, then use View → Reload.</source>
            <translation>Impossibile caricare l'albero: %1

Controlla che il database sia raggiungibile, poi usa Visualizza → Ricarica.</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="100" />
            <source>Schedule maintenance</source>
            <translation>Pianifica manutenzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="101" />
            <source>Machine %1</source>
            <translation>Macchina %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="102" />
            <source>Whole client %1</source>
            <translation>Intero cliente %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="114" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="125" />
            <source>e.g. Windows updates and reboot</source>
            <translation>es. aggiornamenti di Windows e riavvio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="129" />
            <source>On:</source>
            <translation>Su:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="131" />
            <source>Start:</source>
            <translation>Inizio:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="132" />
            <source>Duration:</source>
            <translation>Durata:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="133" />
            <source>End:</source>
            <translation>Fine:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="134" />
            <source>Comment:</source>
            <translation>Commento:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="138" />
            <source>Schedule</source>
            <translation>Pianifica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="148" />
            <source>The end must come after the start.</source>
            <translation>La fine deve essere dopo l'inizio.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/dialogs.py" line="151" />
            <source>A window is at most 31 days; use a recurring window for more.</source>
            <translation>Una finestra dura al massimo 31 giorni; per periodi più lunghi usa una finestra ricorrente.</translation>
        </message>
    </context>
    <context>
        <name>Monitoring</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/controller.py" line="277" />
            <source>(since %1)</source>
            <translation>(da %1)</translation>
        </message>
    </context>
    <context>
        <name>NotificationsPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="116" />
            <source>A check becomes &amp;critical</source>
            <translation>Un controllo diventa &amp;critico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="117" />
            <source>A check becomes a &amp;warning</source>
            <translation>Un controllo passa in &amp;avviso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="118" />
            <source>A check becomes &amp;unknown</source>
            <translation>Un controllo diventa &amp;sconosciuto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="119" />
            <source>A problem is s&amp;olved (back to OK)</source>
            <translation>Un problema è &amp;risolto (torna OK)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="123" />
            <source>Notify me when</source>
            <translation>Avvisami quando</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="131" />
            <source>&amp;Do not disturb between</source>
            <translation>&amp;Non disturbare dalle</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="136" />
            <source>Quiet from</source>
            <translation>Silenzio dalle</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="136" />
            <source>Quiet until</source>
            <translation>Silenzio fino alle</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="141" />
            <source>and</source>
            <translation>alle</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/tray.py" line="68" />
            <source>%1 recovered</source>
            <translation>%1 ripristinato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/tray.py" line="79" />
            <source>Click to call the client.</source>
            <translation>Fai clic per chiamare il cliente.</translation>
        </message>
    </context>
    <context>
        <name>OnboardDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="199" />
            <source>The console's SSH key is kept only in the system keyring, and no usable keyring was found, so no script was made. Install and unlock one (GNOME Keyring or KWallet on Linux; on Windows and macOS the system's own), then try again.</source>
            <translation>La chiave SSH della console è conservata solo nel portachiavi del sistema e non è stato trovato un portachiavi utilizzabile, quindi non è stato creato alcuno script. Installane e sbloccane uno (GNOME Keyring o KWallet su Linux; su Windows e macOS quello del sistema), poi riprova.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="216" />
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="205" />
            <source>Add machine</source>
            <translation>Aggiungi macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="57" />
            <source>Add Windows machine</source>
            <translation>Aggiungi macchina Windows</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="57" />
            <source>Add Linux machine</source>
            <translation>Aggiungi macchina Linux</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="85" />
            <source>Allow SSH only from</source>
            <translation>Consenti SSH solo da</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="85" />
            <source>User</source>
            <translation>Utente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="111" />
            <source>&amp;Copy</source>
            <translation>&amp;Copia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="113" />
            <source>&amp;Save…</source>
            <translation>&amp;Salva…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="147" />
            <source>Copied: paste it on the machine.</source>
            <translation>Copiato: incollalo sulla macchina.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="155" />
            <source>PowerShell script (*.ps1)</source>
            <translation>Script PowerShell (*.ps1)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="155" />
            <source>Shell script (*.sh)</source>
            <translation>Script shell (*.sh)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="156" />
            <source>Save the script</source>
            <translation>Salva lo script</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="81" />
            <source>this PC's address, e.g. 192.0.2.10 or 192.0.2.0/24</source>
            <translation>l'indirizzo di questo PC, es. 192.0.2.10 o 192.0.2.0/24</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="83" />
            <source>empty: the machine's local subnet</source>
            <translation>vuoto: la sottorete locale della macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="62" />
            <source>Run this PowerShell script once on %1, as administrator. It installs OpenSSH Server, lets in this console's key and opens TCP port 22 only to the address below; at the end it prints the host key fingerprint to trust.</source>
            <translation>Esegui questo script PowerShell una volta su %1, come amministratore. Installa OpenSSH Server, autorizza la chiave di questa console e apre la porta TCP 22 solo all'indirizzo qui sotto; alla fine stampa l'impronta della chiave host da considerare attendibile.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="68" />
            <source>Run this shell script once on %1, as root. It lets this console's key in for the user below, only from the address below and only to run commands; at the end it prints the host key fingerprint to trust.</source>
            <translation>Esegui questo script shell una volta su %1, come root. Autorizza la chiave di questa console per l'utente qui sotto, solo dall'indirizzo qui sotto e solo per eseguire comandi; alla fine stampa l'impronta della chiave host da considerare attendibile.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="104" />
            <source>This console's key: %1</source>
            <translation>Chiave di questa console: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="174" />
            <source>The script could not be saved: %1</source>
            <translation>Non è stato possibile salvare lo script: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_dialog.py" line="170" />
            <source>Saved to %1</source>
            <translation>Salvato in %1</translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="41" />
            <source>clients</source>
            <translation>clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="42" />
            <source>sites</source>
            <translation>sedi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="43" />
            <source>machines</source>
            <translation>macchine</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="48" />
            <source>Overview</source>
            <translation>Panoramica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="58" />
            <source>New client…</source>
            <translation>Nuovo cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="60" />
            <source>Import from CSV…</source>
            <translation>Importa da CSV…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="62" />
            <source>Open the demo…</source>
            <translation>Apri la demo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="65" />
            <source>Example clients, machines, contracts and invoices, in a window of their own</source>
            <translation>Clienti, macchine, contratti e fatture di esempio, in una finestra a parte</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="78" />
            <source>Machines by kind</source>
            <translation>Macchine per tipo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="81" />
            <source>Getting started</source>
            <translation>Per iniziare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="97" />
            <source>Add your clients with &lt;b&gt;Client → New client&lt;/b&gt; (Ctrl+Shift+N), or bring in your existing list with &lt;b&gt;File → Import from CSV&lt;/b&gt; (Ctrl+I).</source>
            <translation>Aggiungi i clienti con &lt;b&gt;Cliente → Nuovo cliente&lt;/b&gt; (Ctrl+Shift+N), oppure importa l'elenco che hai già con &lt;b&gt;File → Importa da CSV&lt;/b&gt; (Ctrl+I).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="101" />
            <source>Select a client and press Ctrl+N to add a machine under it; the &lt;b&gt;Client&lt;/b&gt; menu (or a right-click) adds sites and contacts.</source>
            <translation>Seleziona un cliente e premi Ctrl+N per aggiungergli una macchina; il menu &lt;b&gt;Cliente&lt;/b&gt; (o il clic destro) aggiunge sedi e contatti.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="104" />
            <source>Search the tree with Ctrl+F: name, address or tag.</source>
            <translation>Cerca nell'albero con Ctrl+F: nome, indirizzo o etichetta.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="105" />
            <source>F2 edits the selected item; Del deletes it (clients with history are archived).</source>
            <translation>F2 modifica l'elemento selezionato; Canc lo elimina (i clienti con uno storico vengono archiviati).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="107" />
            <source>The tabs beside this one are the day's work: Today (Ctrl+1), Problems, Calendar (Ctrl+2), Interventions (Ctrl+3) and Billing (Ctrl+4).</source>
            <translation>Le schede accanto a questa sono il lavoro del giorno: Oggi (Ctrl+1), Problemi, Calendario (Ctrl+2), Interventi (Ctrl+3) e Fatturazione (Ctrl+4).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/views/overview.py" line="134" />
            <source>No machines yet.</source>
            <translation>Ancora nessuna macchina.</translation>
        </message>
    </context>
    <context>
        <name>PollingPage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="78" />
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="82" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="78" />
            <source>Check interval</source>
            <translation>Intervallo dei controlli</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="80" />
            <source>Attempts before a problem is confirmed</source>
            <translation>Tentativi prima di confermare un problema</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="82" />
            <source>Timeout of a check</source>
            <translation>Timeout di un controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="83" />
            <source>Checks run at the same time</source>
            <translation>Controlli eseguiti in parallelo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="88" />
            <source>Check &amp;interval:</source>
            <translation>&amp;Intervallo dei controlli:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="89" />
            <source>&amp;Attempts before a problem is confirmed:</source>
            <translation>&amp;Tentativi prima di confermare un problema:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="90" />
            <source>&amp;Timeout of a check:</source>
            <translation>Ti&amp;meout di un controllo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="91" />
            <source>Checks run at the &amp;same time (workers):</source>
            <translation>Controlli eseguiti in &amp;parallelo (worker):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="96" />
            <source>Defaults for new checks and for the poller started from this PC; the number of workers applies when polling next starts (or is resumed).</source>
            <translation>Valori predefiniti per i nuovi controlli e per il poller avviato da questo PC; il numero di worker vale dal prossimo avvio (o ripresa) del monitoraggio.</translation>
        </message>
    </context>
    <context>
        <name>ProblemActions</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="76" />
            <source>Acknowledged: %1</source>
            <translation>Preso in carico: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="78" />
            <source>Cannot acknowledge</source>
            <translation>Impossibile prendere in carico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="99" />
            <source>Maintenance scheduled on %1</source>
            <translation>Manutenzione pianificata su %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="104" />
            <source>Cannot schedule maintenance</source>
            <translation>Impossibile pianificare la manutenzione</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="110" />
            <source>Checking %n check(s) now…</source>
            <translation>
                <numerusform>Esecuzione di %n controllo…</numerusform>
                <numerusform>Esecuzione di %n controlli…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="112" />
            <source>Team mode: the shared pollers run the checks.</source>
            <translation>Modalità team: i controlli li eseguono i poller condivisi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="114" />
            <source>Polling is paused or starting: resume it to check now.</source>
            <translation>Il monitoraggio è in pausa o in avvio: riprendilo per controllare ora.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="124" />
            <source>Check now</source>
            <translation>Controlla ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="126" />
            <source>&amp;Resume polling</source>
            <translation>&amp;Riprendi il monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="177" />
            <source>Host key of %1 trusted</source>
            <translation>Chiave host di %1 considerata attendibile</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="180" />
            <source>Cannot trust the host key</source>
            <translation>Impossibile considerare attendibile la chiave host</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="190" />
            <source>Cannot read the interventions</source>
            <translation>Impossibile leggere gli interventi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="210" />
            <source>Open intervention</source>
            <translation>Apri intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="211" />
            <source>Title:</source>
            <translation>Titolo:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="232" />
            <source>Intervention #%1 opened</source>
            <translation>Intervento n. %1 aperto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/actions.py" line="235" />
            <source>Cannot open the intervention</source>
            <translation>Impossibile aprire l'intervento</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="53" />
            <source>%1 d %2 h</source>
            <translation>%1 g %2 h</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="66" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="67" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="68" />
            <source>Machine</source>
            <translation>Macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="69" />
            <source>Check</source>
            <translation>Controllo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="70" />
            <source>Result</source>
            <translation>Risultato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="71" />
            <source>For</source>
            <translation>Da</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="72" />
            <source>Flags</source>
            <translation>Indicatori</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="164" />
            <source>✓ acknowledged</source>
            <translation>✓ preso in carico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="166" />
            <source>in maintenance</source>
            <translation>in manutenzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_model.py" line="168" />
            <source>soft</source>
            <translation>provvisorio</translation>
        </message>
    </context>
    <context>
        <name>ProblemsTab</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="67" />
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="246" />
            <source>All clients</source>
            <translation>Tutti i clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="70" />
            <source>All states</source>
            <translation>Tutti gli stati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="73" />
            <source>Hide acknowledged / in maintenance</source>
            <translation>Nascondi presi in carico / in manutenzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="82" />
            <source>Client:</source>
            <translation>Cliente:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="84" />
            <source>State:</source>
            <translation>Stato:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="115" />
            <source>Acknowledge…</source>
            <translation>Prendi in carico…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="116" />
            <source>Maintenance…</source>
            <translation>Manutenzione…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="117" />
            <source>Check now</source>
            <translation>Controlla ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="118" />
            <source>Open machine</source>
            <translation>Apri macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="119" />
            <source>Host key…</source>
            <translation>Chiave host…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="120" />
            <source>Open intervention…</source>
            <translation>Apri intervento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="121" />
            <source>Call client…</source>
            <translation>Chiama il cliente…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/monitoring/problems_tab.py" line="197" />
            <source>%n problem(s) (%1 acknowledged or in maintenance)</source>
            <translation>
                <numerusform>%n problema (%1 presi in carico o in manutenzione)</numerusform>
                <numerusform>%n problemi (%1 presi in carico o in manutenzione)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="43" />
            <source>Resolution</source>
            <translation>Risoluzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="44" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="45" />
            <source>Key file</source>
            <translation>File della chiave</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="46" />
            <source>Command</source>
            <translation>Comando</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="47" />
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="48" />
            <source>Vendor ID</source>
            <translation>ID del fornitore</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="49" />
            <source>Template</source>
            <translation>Modello</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="50" />
            <source>Client program</source>
            <translation>Programma client</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="51" />
            <source>Full screen</source>
            <translation>Schermo intero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="52" />
            <source>All monitors</source>
            <translation>Tutti i monitor</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="53" />
            <source>Share local drives</source>
            <translation>Condividi le unità locali</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="54" />
            <source>Share the clipboard</source>
            <translation>Condividi gli appunti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="55" />
            <source>Agent forwarding</source>
            <translation>Inoltro dell'agent</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="56" />
            <source>View only</source>
            <translation>Sola visualizzazione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="62" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="63" />
            <source>Protocol</source>
            <translation>Protocollo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="64" />
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="65" />
            <source>Port</source>
            <translation>Porta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="66" />
            <source>User</source>
            <translation>Utente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="67" />
            <source>Domain</source>
            <translation>Dominio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="68" />
            <source>Credential</source>
            <translation>Credenziale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="69" />
            <source>Shared credential</source>
            <translation>Credenziale condivisa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="70" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="71" />
            <source>Jump host</source>
            <translation>Host di salto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="117" />
            <source>New connection profile</source>
            <translation>Nuovo profilo di connessione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="129" />
            <source>New connection profile — %1</source>
            <translation>Nuovo profilo di connessione — %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="138" />
            <source>host name or address</source>
            <translation>nome host o indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="141" />
            <source>default</source>
            <translation>predefinito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="150" />
            <source>stored in the OS keyring (credential: profile)</source>
            <translation>custodita nel portachiavi di sistema (credenziale: profilo)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="152" />
            <source>(direct)</source>
            <translation>(diretto)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="162" />
            <source>default profile (double-click, Enter)</source>
            <translation>profilo predefinito (doppio clic, Invio)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="226" />
            <source>The profile is saved, but not its password: %1</source>
            <translation>Il profilo è salvato, ma non la sua password: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/profile_dialog.py" line="235" />
            <source>The profile could not be saved: %1</source>
            <translation>Non è stato possibile salvare il profilo: %1</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/screens.py" line="35" />
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="141" />
            <source>polling: demo simulator</source>
            <translation>monitoraggio: simulatore demo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/quick_connect.py" line="119" />
            <source>Quick connect (Ctrl+K)…</source>
            <translation>Connessione rapida (Ctrl+K)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="25" />
            <source>Connect with…</source>
            <translation>Connetti con…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="27" />
            <source>Reading the connection profiles…</source>
            <translation>Lettura dei profili di connessione…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="30" />
            <source>New connection profile…</source>
            <translation>Nuovo profilo di connessione…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="52" />
            <source>No connection profile yet</source>
            <translation>Nessun profilo di connessione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="56" />
            <source>Cannot read the profiles: %1</source>
            <translation>Impossibile leggere i profili: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="78" />
            <source>default</source>
            <translation>predefinito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="90" />
            <source>not installed</source>
            <translation>non installato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="119" />
            <source>the user</source>
            <translation>l'utente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="120" />
            <source>Password for %1 on %2:</source>
            <translation>Password di %1 su %2:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/connect_menu.py" line="122" />
            <source>Connect</source>
            <translation>Connetti</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/remote/quick_connect.py" line="160" />
            <source>%n machine(s) match “%1”: pick one from the list, or type more of its name.</source>
            <translation>
                <numerusform>%n macchina corrisponde a “%1”: sceglila dall'elenco, o scrivi di più del suo nome.</numerusform>
                <numerusform>%n macchine corrispondono a “%1”: scegline una dall'elenco, o scrivi di più del suo nome.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="126" />
            <source>Check the selected machine or client now (F5)</source>
            <translation>Controlla subito la macchina o il cliente selezionato (F5)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="127" />
            <source>Stop and resume the background checks of this window</source>
            <translation>Ferma e riprendi i controlli in background di questa finestra</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="143" />
            <source>polling: off in this window</source>
            <translation>monitoraggio: disattivato in questa finestra</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="148" />
            <source>polling: off in this window (%1=0)</source>
            <translation>monitoraggio: disattivato in questa finestra (%1=0)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/billing/feature.py" line="56" />
            <source>&amp;Billing</source>
            <translation>Fa&amp;tturazione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="87" />
            <source>Monitoring</source>
            <translation>Monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="90" />
            <source>M&amp;onitoring</source>
            <translation>M&amp;onitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="93" />
            <source>&amp;Pause polling</source>
            <translation>Sos&amp;pendi il monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="96" />
            <source>&amp;Check now</source>
            <translation>&amp;Controlla ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="100" />
            <source>Show p&amp;roblems</source>
            <translation>Mostra i p&amp;roblemi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="102" />
            <source>Do not &amp;disturb</source>
            <translation>&amp;Non disturbare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="105" />
            <source>&amp;Failing clients first</source>
            <translation>Prima i clienti con &amp;guasti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="108" />
            <source>&amp;Team mode (show the shared pollers' results)</source>
            <translation>Modalità &amp;team (mostra i risultati dei poller condivisi)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="113" />
            <source>Checks and &amp;history…</source>
            <translation>Controlli e &amp;storico…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/monitoring/feature.py" line="50" />
            <source>Problems</source>
            <translation>Problemi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/feature.py" line="72" />
            <source>Sessions</source>
            <translation>Sessioni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/feature.py" line="78" />
            <source>&amp;Sessions pane</source>
            <translation>Pannello &amp;sessioni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/feature.py" line="83" />
            <source>&amp;Connect</source>
            <translation>&amp;Connetti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/feature.py" line="86" />
            <source>Open a remote session with the machine's default profile</source>
            <translation>Apri una sessione remota con il profilo predefinito della macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_feature.py" line="20" />
            <source>Add &amp;Windows machine…</source>
            <translation>Aggiungi macchina &amp;Windows…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_feature.py" line="21" />
            <source>Add Lin&amp;ux machine…</source>
            <translation>Aggiungi macchina Lin&amp;ux…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_feature.py" line="24" />
            <source>A PowerShell script that installs OpenSSH Server and lets this console in</source>
            <translation>Uno script PowerShell che installa OpenSSH Server e fa entrare questa console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/onboard_feature.py" line="26" />
            <source>A shell script that lets this console's key in for a user</source>
            <translation>Uno script shell che autorizza la chiave di questa console per un utente</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/dialogs/record_dialog.py" line="264" />
            <source>The record could not be saved: %1</source>
            <translation>Non è stato possibile salvare i dati: %1</translation>
        </message>
    </context>
    <context>
        <name>RemoteErrors</name>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="13" />
            <source>{machine} has no address: set one on the machine or a host on the profile.</source>
            <translation>{machine} non ha un indirizzo: impostalo sulla macchina o indica un host nel profilo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="16" />
            <source>The jump host {machine} has no SSH profile.</source>
            <translation>L'host di salto {machine} non ha un profilo SSH.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="17" />
            <source>{host} cannot be reached over SSH ({detail}).</source>
            <translation>{host} non è raggiungibile via SSH ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="18" />
            <source>{tool} did not start (exit code {exit_code}).</source>
            <translation>{tool} non si è avviato (codice di uscita {exit_code}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="19" />
            <source>{tool} could not be started ({detail}).</source>
            <translation>Impossibile avviare {tool} ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="20" />
            <source>{tool} failed ({detail}).</source>
            <translation>{tool} non è riuscito ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="21" />
            <source>No {protocol} program is installed on this computer: {hint}.</source>
            <translation>Su questo computer non è installato alcun programma {protocol}: {hint}.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="24" />
            <source>vncpasswd is needed to hand the VNC password over safely: install it (Debian/Ubuntu: apt install tigervnc-tools).</source>
            <translation>Serve vncpasswd per passare la password VNC in modo sicuro: installalo (Debian/Ubuntu: apt install tigervnc-tools).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="29" />
            <source>The jump host {jump} refused the key {key}.</source>
            <translation>L'host di salto {jump} ha rifiutato la chiave {key}.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="30" />
            <source>The jump host {jump} refused the password of “{user}”.</source>
            <translation>L'host di salto {jump} ha rifiutato la password di “{user}”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="33" />
            <source>No credential works for the jump host {jump}: give its SSH profile a key file or a password.</source>
            <translation>Nessuna credenziale funziona per l'host di salto {jump}: indica nel suo profilo SSH un file di chiave o una password.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="37" />
            <source>The jump host {jump} does not answer within {seconds} s: check that the gateway is up and its SSH port is open.</source>
            <translation>L'host di salto {jump} non risponde entro {seconds} s: controlla che il gateway sia acceso e la sua porta SSH aperta.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="42" />
            <source>The SSH handshake with the jump host {jump} failed ({detail}).</source>
            <translation>La negoziazione SSH con l'host di salto {jump} non è riuscita ({detail}).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="50" />
            <source>install FreeRDP (Debian/Ubuntu: apt install freerdp2-x11, or freerdp3-x11) or Remmina (apt install remmina remmina-plugin-rdp)</source>
            <translation>installa FreeRDP (Debian/Ubuntu: apt install freerdp2-x11, oppure freerdp3-x11) o Remmina (apt install remmina remmina-plugin-rdp)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="56" />
            <source>install the OpenSSH client and a terminal (Debian/Ubuntu: apt install openssh-client xterm)</source>
            <translation>installa il client OpenSSH e un terminale (Debian/Ubuntu: apt install openssh-client xterm)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="62" />
            <source>install the TigerVNC viewer (Debian/Ubuntu: apt install tigervnc-viewer tigervnc-tools) or Remmina (apt install remmina remmina-plugin-vnc)</source>
            <translation>installa il visualizzatore TigerVNC (Debian/Ubuntu: apt install tigervnc-viewer tigervnc-tools) o Remmina (apt install remmina remmina-plugin-vnc)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="67" />
            <source>install xdg-utils (apt install xdg-utils)</source>
            <translation>installa xdg-utils (apt install xdg-utils)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="70" />
            <source>enable Remote Desktop Connection (mstsc.exe, part of Windows)</source>
            <translation>attiva Connessione Desktop remoto (mstsc.exe, incluso in Windows)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="73" />
            <source>install the OpenSSH client (Settings › Optional features) or PuTTY</source>
            <translation>installa il client OpenSSH (Impostazioni › Funzionalità facoltative) o PuTTY</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="76" />
            <source>install TigerVNC, TightVNC or RealVNC viewer</source>
            <translation>installa il visualizzatore TigerVNC, TightVNC o RealVNC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="79" />
            <source>install Windows App (formerly Microsoft Remote Desktop) from the App Store</source>
            <translation>installa Windows App (ex Microsoft Remote Desktop) dall'App Store</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/errors_text.py" line="95" />
            <source>install %1 from its vendor's website</source>
            <translation>installa %1 dal sito del produttore</translation>
        </message>
    </context>
    <context>
        <name>RemotePage</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="166" />
            <source>&amp;RDP client:</source>
            <translation>Client &amp;RDP:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="167" />
            <source>&amp;SSH client:</source>
            <translation>Client &amp;SSH:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="168" />
            <source>&amp;VNC client:</source>
            <translation>Client &amp;VNC:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="174" />
            <source>Automatic (the first one installed)</source>
            <translation>Automatico (il primo installato)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="186" />
            <source>the system's default terminal</source>
            <translation>il terminale predefinito del sistema</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="187" />
            <source>Terminal for SSH sessions</source>
            <translation>Terminale per le sessioni SSH</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="188" />
            <source>&amp;Terminal for SSH:</source>
            <translation>&amp;Terminale per SSH:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/pages.py" line="189" />
            <source>A connection profile can still choose its own client.</source>
            <translation>Un profilo di connessione può comunque scegliere un proprio client.</translation>
        </message>
    </context>
    <context>
        <name>Scheduling</name>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="75" />
            <source>⇄ Remote</source>
            <translation>⇄ Da remoto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="76" />
            <source>⌂ On site</source>
            <translation>⌂ In sede</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="126" />
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="93" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="80" />
            <source>&amp;Client</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="127" />
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="93" />
            <source>&amp;Machine</source>
            <translation>&amp;Macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="128" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="235" />
            <source>&amp;Intervention</source>
            <translation>&amp;Intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="129" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="188" />
            <source>Where</source>
            <translation>Dove</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="130" />
            <source>&amp;Technician</source>
            <translation>&amp;Tecnico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="131" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="99" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <source>When</source>
            <translation>Quando</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="132" />
            <source>T&amp;itle</source>
            <translation>T&amp;itolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="133" />
            <source>&amp;Notes</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="134" />
            <source>&amp;Repeats</source>
            <translation>&amp;Ripetizione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="142" />
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="267" />
            <source>Export invitation (.ics)…</source>
            <translation>Esporta invito (.ics)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="227" />
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="229" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="197" />
            <source>(none)</source>
            <translation>(nessuna)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="323" />
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="274" />
            <source>Export invitation</source>
            <translation>Esporta invito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="60" />
            <source>Edit appointment</source>
            <translation>Modifica appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="60" />
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="133" />
            <source>New appointment</source>
            <translation>Nuovo appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="98" />
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="209" />
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="101" />
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="146" />
            <source>Mark done</source>
            <translation>Segna come svolto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="149" />
            <source>Cancel appointment</source>
            <translation>Annulla appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="156" />
            <source>Save the appointment first</source>
            <translation>Salva prima l'appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="220" />
            <source>Repeats (as it is)</source>
            <translation>Ripetizione (invariata)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="291" />
            <source>The appointment ends before it starts.</source>
            <translation>L'appuntamento finisce prima di iniziare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="293" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="126" />
            <source>Choose the client.</source>
            <translation>Scegli il cliente.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="295" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="128" />
            <source>Give it a title.</source>
            <translation>Dagli un titolo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="297" />
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="279" />
            <source>This time is in the past.</source>
            <translation>Questo orario è nel passato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="303" />
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="277" />
            <source>Outside business hours.</source>
            <translation>Fuori dall'orario lavorativo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="112" />
            <source>Does not repeat</source>
            <translation>Non si ripete</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="113" />
            <source>Every week</source>
            <translation>Ogni settimana</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="114" />
            <source>Every month</source>
            <translation>Ogni mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="115" />
            <source>Custom (RRULE)…</source>
            <translation>Personalizzata (RRULE)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/appointment_dialog.py" line="301" />
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="275" />
            <source>%1 is a public holiday.</source>
            <translation>%1 è un giorno festivo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="304" />
            <source>Export calendar</source>
            <translation>Esporta calendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="84" />
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="41" />
            <source>Today</source>
            <translation>Oggi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="90" />
            <source>Previous (Page Up)</source>
            <translation>Precedente (Pag su)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="91" />
            <source>Next (Page Down)</source>
            <translation>Successivo (Pag giù)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="109" />
            <source>Day</source>
            <translation>Giorno</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="110" />
            <source>Work week</source>
            <translation>Settimana lavorativa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="111" />
            <source>Week</source>
            <translation>Settimana</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="112" />
            <source>Month</source>
            <translation>Mese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="113" />
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="126" />
            <source>All technicians</source>
            <translation>Tutti i tecnici</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="129" />
            <source>Colour by client</source>
            <translation>Colore per cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="130" />
            <source>Colour by state</source>
            <translation>Colore per stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="132" />
            <source>New…</source>
            <translation>Nuovo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="252" />
            <source>Edit…</source>
            <translation>Modifica…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="258" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="254" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="263" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="270" />
            <source>Open client</source>
            <translation>Apri cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="259" />
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="156" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="262" />
            <source>Log call…</source>
            <translation>Registra chiamata…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="319" />
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="261" />
            <source>Could not export</source>
            <translation>Impossibile esportare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="203" />
            <source>Cannot read the calendar</source>
            <translation>Impossibile leggere il calendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="262" />
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="128" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="260" />
            <source>▶ Start</source>
            <translation>▶ Avvia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="265" />
            <source>Open remote session</source>
            <translation>Apri sessione remota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="256" />
            <source>Open intervention #%1</source>
            <translation>Apri intervento n. %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/calendar_tab.py" line="318" />
            <source>Calendar written to %1</source>
            <translation>Calendario scritto in %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="233" />
            <source>Remote work</source>
            <translation>Intervento remoto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="55" />
            <source>Reached: a time is agreed</source>
            <translation>Raggiunto: concordato un orario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="56" />
            <source>Reached: no time agreed yet</source>
            <translation>Raggiunto: orario ancora da concordare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="57" />
            <source>No answer (call again later)</source>
            <translation>Nessuna risposta (richiamare più tardi)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="58" />
            <source>Asked to be called back</source>
            <translation>Chiede di essere richiamato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="59" />
            <source>Solved: close the intervention</source>
            <translation>Risolto: chiudi l'intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="60" />
            <source>Not solved: agree a new time</source>
            <translation>Non risolto: concorda un nuovo orario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="117" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="224" />
            <source>&amp;Contact</source>
            <translation>&amp;Contatto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="118" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="182" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="194" />
            <source>Phone</source>
            <translation>Telefono</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="121" />
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="92" />
            <source>Machine</source>
            <translation>Macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="122" />
            <source>No current problem</source>
            <translation>Nessun problema in corso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="126" />
            <source>Problems</source>
            <translation>Problemi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="151" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="236" />
            <source>Outcome</source>
            <translation>Esito</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="156" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="220" />
            <source>What was said (optional)</source>
            <translation>Cosa ci si è detti (facoltativo)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="157" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="237" />
            <source>&amp;Note</source>
            <translation>&amp;Nota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="203" />
            <source>Type the time as 14:30</source>
            <translation>Scrivi l'ora così: 14:30</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="217" />
            <source>at</source>
            <translation>alle</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="223" />
            <source>&amp;When</source>
            <translation>&amp;Quando</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="226" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="82" />
            <source>&amp;Title</source>
            <translation>&amp;Titolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="134" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="201" />
            <source>Intervention</source>
            <translation>Intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="138" />
            <source>New &amp;intervention</source>
            <translation>Nuovo &amp;intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="243" />
            <source>no phone number on file</source>
            <translation>nessun numero di telefono in archivio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="266" />
            <source>Give the new intervention a title.</source>
            <translation>Dai un titolo al nuovo intervento.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="332" />
            <source>Change it and save again.</source>
            <translation>Correggi e salva di nuovo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="97" />
            <source>Call client — %1</source>
            <translation>Chiama il cliente — %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="192" />
            <source>Appointment (next free slot of %1)</source>
            <translation>Appuntamento (primo orario libero di %1)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="270" />
            <source>Type the time as 14:30.</source>
            <translation>Scrivi l'ora così: 14:30.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="281" />
            <source>Give the appointment a title.</source>
            <translation>Dai un titolo all'appuntamento.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="326" />
            <source>The technician is busy at that time:</source>
            <translation>A quell'ora il tecnico è già impegnato:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="108" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="191" />
            <source>%1 (main number)</source>
            <translation>%1 (numero principale)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/call_client_dialog.py" line="332" />
            <source>Nothing was saved. %1</source>
            <translation>Non è stato salvato nulla. %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="242" />
            <source>Could not move</source>
            <translation>Impossibile spostare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="303" />
            <source>Cannot log the call</source>
            <translation>Impossibile registrare la chiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="315" />
            <source>Call logged.</source>
            <translation>Chiamata registrata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="193" />
            <source>Appointment saved.</source>
            <translation>Appuntamento salvato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="241" />
            <source>Appointment moved.</source>
            <translation>Appuntamento spostato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="87" />
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="248" />
            <source>Could not save</source>
            <translation>Impossibile salvare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="149" />
            <source>Appointment #%1 saved.</source>
            <translation>Appuntamento n. %1 salvato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="317" />
            <source>A call task was scheduled.</source>
            <translation>È stata pianificata una richiamata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="260" />
            <source>Invitation written to %1</source>
            <translation>Invito scritto in %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/controller.py" line="289" />
            <source>Intervention #%1 opened.</source>
            <translation>Intervento n. %1 aperto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="42" />
            <source>Calendar</source>
            <translation>Calendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="43" />
            <source>Interventions</source>
            <translation>Interventi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="72" />
            <source>New a&amp;ppointment…</source>
            <translation>Nuovo a&amp;ppuntamento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="74" />
            <source>New &amp;intervention…</source>
            <translation>Nuovo &amp;intervento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="76" />
            <source>Ca&amp;ll client…</source>
            <translation>Chiama il c&amp;liente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="78" />
            <source>▶ &amp;Start the appointment</source>
            <translation>▶ A&amp;vvia l'appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="105" />
            <source>☎ Call</source>
            <translation>☎ Chiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="107" />
            <source>Call the client of the selected machine or client (Ctrl+Shift+L)</source>
            <translation>Chiama il cliente della macchina o del cliente selezionato (Ctrl+Shift+L)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="109" />
            <source>◷ Appointment</source>
            <translation>◷ Appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="111" />
            <source>New appointment for the selected client (Ctrl+Shift+A)</source>
            <translation>Nuovo appuntamento per il cliente selezionato (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="154" />
            <location filename="../../src/msp_console/ui/scheduling/interventions_tab.py" line="110" />
            <source>New intervention…</source>
            <translation>Nuovo intervento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="159" />
            <source>New appointment…</source>
            <translation>Nuovo appuntamento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="146" />
            <source>Select the appointment on the Today page, or its machine in the tree.</source>
            <translation>Seleziona l'appuntamento nella pagina Oggi, o la sua macchina nell'albero.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="158" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="252" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="268" />
            <source>☎ Call client…</source>
            <translation>☎ Chiama il cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="161" />
            <source>▶ Start the appointment</source>
            <translation>▶ Avvia l'appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="80" />
            <source>C&amp;alendar</source>
            <translation>Ca&amp;lendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="87" />
            <source>&amp;Export calendar (.ics)…</source>
            <translation>&amp;Esporta calendario (.ics)…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="89" />
            <source>&amp;Today</source>
            <translation>&amp;Oggi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="90" />
            <source>&amp;Calendar</source>
            <translation>&amp;Calendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/feature.py" line="91" />
            <source>&amp;Interventions</source>
            <translation>&amp;Interventi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/grid_blocks.py" line="135" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="193" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="358" />
            <source>On site</source>
            <translation>In sede</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/grid_blocks.py" line="135" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="193" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="358" />
            <source>Remote</source>
            <translation>Da remoto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/grid_blocks.py" line="133" />
            <source>repeats</source>
            <translation>si ripete</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/grid_blocks.py" line="138" />
            <source>Technician: %1</source>
            <translation>Tecnico: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/grid_blocks.py" line="140" />
            <source>Intervention #%1</source>
            <translation>Intervento n. %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="69" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="153" />
            <source>Select an intervention to see its timeline.</source>
            <translation>Seleziona un intervento per vederne la cronologia.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="85" />
            <source>☎ Log call…</source>
            <translation>☎ Registra chiamata…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="86" />
            <source>◷ New appointment…</source>
            <translation>◷ Nuovo appuntamento…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="87" />
            <source>✎ Add note…</source>
            <translation>✎ Aggiungi nota…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="88" />
            <source>+ Add time…</source>
            <translation>+ Aggiungi tempo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="107" />
            <source>Move to:</source>
            <translation>Sposta in:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="296" />
            <source>Add note</source>
            <translation>Aggiungi nota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="296" />
            <source>Note:</source>
            <translation>Nota:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="303" />
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="305" />
            <source>Add time</source>
            <translation>Aggiungi tempo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="303" />
            <source>Minutes spent:</source>
            <translation>Minuti impiegati:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="49" />
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="89" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="50" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="194" />
            <source>Call</source>
            <translation>Chiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="51" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="125" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="188" />
            <source>Appointment</source>
            <translation>Appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="52" />
            <source>Remote session</source>
            <translation>Sessione remota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="53" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="194" />
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="54" />
            <source>Time spent</source>
            <translation>Tempo impiegato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="55" />
            <source>SLA</source>
            <translation>SLA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="99" />
            <source>What</source>
            <translation>Cosa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="99" />
            <source>Details</source>
            <translation>Dettagli</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="125" />
            <source>Cannot read the intervention</source>
            <translation>Impossibile leggere l'intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="305" />
            <source>What was done (optional):</source>
            <translation>Cosa è stato fatto (facoltativo):</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="175" />
            <source>Machines: %1</source>
            <translation>Macchine: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="176" />
            <source>Origin: %1</source>
            <translation>Origine: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="177" />
            <source>Opened %1</source>
            <translation>Aperto il %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="113" />
            <source>Timeline</source>
            <translation>Cronologia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="180" />
            <source>SLA plan: %1</source>
            <translation>Piano SLA: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="231" />
            <source>Move the intervention to “%1”</source>
            <translation>Sposta l'intervento in “%1”</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_detail.py" line="214" />
            <source>due %1</source>
            <translation>scadenza %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="56" />
            <source>New intervention</source>
            <translation>Nuovo intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="81" />
            <source>&amp;Machines</source>
            <translation>&amp;Macchine</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="83" />
            <source>&amp;Description</source>
            <translation>&amp;Descrizione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="84" />
            <source>&amp;Origin</source>
            <translation>&amp;Origine</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="85" />
            <source>&amp;Priority</source>
            <translation>&amp;Priorità</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="194" />
            <source>Outgoing</source>
            <translation>In uscita</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="195" />
            <source>Incoming</source>
            <translation>In entrata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="221" />
            <source>Press 1–5 for the outcome, then Enter.</source>
            <translation>Premi 1–5 per l'esito, poi Invio.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="234" />
            <source>&amp;Direction</source>
            <translation>&amp;Direzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="36" />
            <source>Monitoring problem</source>
            <translation>Problema dal monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="37" />
            <source>Client's call</source>
            <translation>Chiamata del cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="38" />
            <source>Planned work</source>
            <translation>Lavoro pianificato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="44" />
            <source>P1 — critical</source>
            <translation>P1 — critica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="45" />
            <source>P2 — high</source>
            <translation>P2 — alta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="46" />
            <source>P3 — normal</source>
            <translation>P3 — normale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="47" />
            <source>P4 — low</source>
            <translation>P4 — bassa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="160" />
            <source>Reached</source>
            <translation>Raggiunto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="161" />
            <source>No answer</source>
            <translation>Nessuna risposta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="162" />
            <source>Call back later</source>
            <translation>Richiamare più tardi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="163" />
            <source>Follow-up: all OK</source>
            <translation>Richiamata: tutto OK</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="164" />
            <source>Follow-up: still broken</source>
            <translation>Richiamata: ancora guasto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/intervention_dialogs.py" line="181" />
            <source>Log call — %1</source>
            <translation>Registra chiamata — %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="57" />
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="93" />
            <source>breached</source>
            <translation>superato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="90" />
            <source>Priority</source>
            <translation>Priorità</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="91" />
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="182" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="188" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="194" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="201" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="93" />
            <source>Title</source>
            <translation>Titolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="94" />
            <source>Response SLA</source>
            <translation>SLA di risposta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="95" />
            <source>Resolution SLA</source>
            <translation>SLA di risoluzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="96" />
            <source>Opened</source>
            <translation>Aperto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_model.py" line="142" />
            <source>Deadline: %1</source>
            <translation>Scadenza: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_tab.py" line="100" />
            <source>All states</source>
            <translation>Tutti gli stati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_tab.py" line="104" />
            <source>All clients</source>
            <translation>Tutti i clienti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_tab.py" line="106" />
            <source>Filter…</source>
            <translation>Filtra…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/interventions_tab.py" line="109" />
            <source>Active only</source>
            <translation>Solo attivi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="61" />
            <source>Open</source>
            <translation>Aperto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="62" />
            <source>Reopened</source>
            <translation>Riaperto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="63" />
            <source>Contacted</source>
            <translation>Contattato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="64" />
            <source>Scheduled</source>
            <translation>Pianificato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="65" />
            <source>In progress</source>
            <translation>In corso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="66" />
            <source>Awaiting check</source>
            <translation>In attesa di verifica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="67" />
            <source>Waiting for client</source>
            <translation>In attesa del cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="68" />
            <source>Closed</source>
            <translation>Chiuso</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="82" />
            <source>Planned</source>
            <translation>Pianificato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="82" />
            <source>Done</source>
            <translation>Svolto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="82" />
            <source>Cancelled</source>
            <translation>Annullato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="91" />
            <source>on time</source>
            <translation>nei tempi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="92" />
            <source>75 % used</source>
            <translation>75 % consumato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="94" />
            <source>met</source>
            <translation>rispettato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="95" />
            <source>paused</source>
            <translation>in pausa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="100" />
            <source>Response</source>
            <translation>Risposta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="100" />
            <source>Resolution</source>
            <translation>Risoluzione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/look.py" line="111" />
            <source>%1 d %2 h</source>
            <translation>%1 g %2 h</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="159" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="188" />
            <source>Technician</source>
            <translation>Tecnico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/month_view.py" line="127" />
            <source>%1 more</source>
            <translation>altri %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="28" />
            <source>Technician already busy</source>
            <translation>Tecnico già impegnato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="29" />
            <source>The technician has other appointments at that time:</source>
            <translation>Il tecnico ha altri appuntamenti a quell'ora:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="31" />
            <source>Save anyway</source>
            <translation>Salva comunque</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="42" />
            <source>Recurring appointment</source>
            <translation>Appuntamento ricorrente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="43" />
            <source>Change only this occurrence, or the whole series?</source>
            <translation>Modificare solo questa occorrenza o tutta la serie?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="44" />
            <source>This occurrence</source>
            <translation>Questa occorrenza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="45" />
            <source>The whole series</source>
            <translation>Tutta la serie</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="60" />
            <source>Check the appointment</source>
            <translation>Controlla l'appuntamento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="61" />
            <source>Save it anyway?</source>
            <translation>Salvarlo comunque?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/prompts.py" line="20" />
            <source>… and %1 more</source>
            <translation>… e altri %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="41" />
            <source>on site</source>
            <translation>in sede</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="41" />
            <source>remote</source>
            <translation>da remoto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="163" />
            <source>Missed reminders</source>
            <translation>Promemoria persi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="172" />
            <source>Snooze selected</source>
            <translation>Posticipa i selezionati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="79" />
            <source>Reminders are not running</source>
            <translation>I promemoria non sono attivi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="105" />
            <source>MSP Console reminder</source>
            <translation>Promemoria di MSP Console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="43" />
            <source>Call %1: %2</source>
            <translation>Chiama %1: %2</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="100" />
            <source>Click to snooze %1 minutes.</source>
            <translation>Fai clic per posticipare di %1 minuti.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="130" />
            <source>Snooze %1 minutes</source>
            <translation>Rimanda di %1 minuti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/reminders_ui.py" line="151" />
            <source>Reminder snoozed.</source>
            <translation>Promemoria posticipato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="92" />
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="111" />
            <source>Cannot prepare the call</source>
            <translation>Impossibile preparare la chiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="168" />
            <source>Opening the remote session…</source>
            <translation>Apertura della sessione remota…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="199" />
            <source>The remote session did not start</source>
            <translation>La sessione remota non è partita</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="212" />
            <source>Work done?</source>
            <translation>Lavoro finito?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="218" />
            <source>Yes marks the appointment done and books the follow-up call.</source>
            <translation>Sì segna l'appuntamento come svolto e fissa la richiamata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="219" />
            <source>&amp;Yes, book the follow-up</source>
            <translation>&amp;Sì, fissa la richiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="220" />
            <source>&amp;Not yet</source>
            <translation>&amp;Non ancora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="121" />
            <source>Call saved.</source>
            <translation>Chiamata registrata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="144" />
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="152" />
            <source>Cannot start</source>
            <translation>Impossibile avviare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="160" />
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="138" />
            <source>Nothing to start</source>
            <translation>Niente da avviare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="161" />
            <source>This appointment names no machine: open it (Edit…) and choose the machine.</source>
            <translation>Questo appuntamento non indica una macchina: aprilo (Modifica…) e scegli la macchina.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="202" />
            <source>Check the machine's connection profile (Machine → Connect with…) and press Start again.</source>
            <translation>Controlla il profilo di connessione della macchina (Macchina → Connetti con…) e premi di nuovo Avvia.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="117" />
            <source>Call saved; appointment #%1 booked.</source>
            <translation>Chiamata registrata; appuntamento n. %1 fissato.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="139" />
            <source>This machine has no planned appointment. Call the client to agree one first.</source>
            <translation>Questa macchina non ha appuntamenti in programma. Prima chiama il cliente per concordarne uno.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="191" />
            <source>Remote session started on %1.</source>
            <translation>Sessione remota avviata su %1.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="213" />
            <source>The remote session on %1 has ended. Is the work done?</source>
            <translation>La sessione remota su %1 è terminata. Il lavoro è finito?</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="228" />
            <source>The appointment stays open: Start it again later.</source>
            <translation>L'appuntamento resta aperto: avvialo di nuovo più tardi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="240" />
            <source>Appointment done.</source>
            <translation>Appuntamento svolto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="119" />
            <source>Call saved; intervention #%1 closed.</source>
            <translation>Chiamata registrata; intervento n. %1 chiuso.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/technician_loop.py" line="242" />
            <source>Appointment done; follow-up call booked for %1.</source>
            <translation>Appuntamento svolto; richiamata fissata per %1.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/time_grid.py" line="297" />
            <source>today</source>
            <translation>oggi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="174" />
            <source>Refresh</source>
            <translation>Aggiorna</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="181" />
            <source>☎ Problems needing a call</source>
            <translation>☎ Problemi da chiamare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="183" />
            <source>No one to call about a problem.</source>
            <translation>Nessuno da chiamare per un problema.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="187" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="332" />
            <source>◷ Today's appointments</source>
            <translation>◷ Appuntamenti di oggi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="189" />
            <source>No appointments today.</source>
            <translation>Nessun appuntamento oggi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="193" />
            <source>↻ Follow-up calls due</source>
            <translation>↻ Richiamate da fare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="195" />
            <source>No calls due.</source>
            <translation>Nessuna richiamata da fare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="200" />
            <source>⚑ SLA clocks about to breach</source>
            <translation>⚑ SLA in scadenza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="202" />
            <source>All SLA clocks are on time.</source>
            <translation>Tutti gli SLA sono nei tempi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="182" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="182" />
            <source>Since</source>
            <translation>Da</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="188" />
            <source>Time</source>
            <translation>Ora</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="194" />
            <source>Due</source>
            <translation>Scadenza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="201" />
            <source>Left</source>
            <translation>Rimanente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="201" />
            <source>Clock</source>
            <translation>Orologio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="305" />
            <source>Cannot read today</source>
            <translation>Impossibile leggere la giornata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="253" />
            <source>Open / new intervention</source>
            <translation>Apri / nuovo intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="259" />
            <source>Open…</source>
            <translation>Apri…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="261" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="269" />
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="275" />
            <source>Open intervention</source>
            <translation>Apri intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="316" />
            <source>Today — %1</source>
            <translation>Oggi — %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="319" />
            <source>To call: %1</source>
            <translation>Da chiamare: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="320" />
            <source>Appointments: %1</source>
            <translation>Appuntamenti: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="321" />
            <source>Calls due: %1</source>
            <translation>Richiamate da fare: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="325" />
            <source>SLA breached: %1</source>
            <translation>SLA superati: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="336" />
            <source>◷ No appointments today — next: %1</source>
            <translation>◷ Nessun appuntamento oggi — prossimo: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="364" />
            <source>Retry</source>
            <translation>Riprova</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="364" />
            <source>Call back</source>
            <translation>Richiamare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="364" />
            <source>Follow-up</source>
            <translation>Richiamata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/today_tab.py" line="369" />
            <source>late</source>
            <translation>in ritardo</translation>
        </message>
    </context>
    <context>
        <name>Security</name>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="65" />
            <source>%n day(s) old</source>
            <translation>
                <numerusform>vecchie di %n giorno</numerusform>
                <numerusform>vecchie di %n giorni</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="67" />
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n giorno fa</numerusform>
                <numerusform>%n giorni fa</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="68" />
            <source>last installed %n day(s) ago</source>
            <translation>
                <numerusform>l'ultimo installato %n giorno fa</numerusform>
                <numerusform>l'ultimo installato %n giorni fa</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="71" />
            <source>%n security update(s) pending</source>
            <translation>
                <numerusform>%n aggiornamento di sicurezza in attesa</numerusform>
                <numerusform>%n aggiornamenti di sicurezza in attesa</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="108" />
            <source>Green on every point: %n machine(s) of %1</source>
            <translation>
                <numerusform>In verde su ogni punto: %n macchina su %1</numerusform>
                <numerusform>In verde su ogni punto: %n macchine su %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/msp_console/ui/security_text.py" line="113" />
            <source>%1 of %n green</source>
            <translation>
                <numerusform>%1 su %n in verde</numerusform>
                <numerusform>%1 su %n in verde</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="38" />
            <source>Firewall</source>
            <translation>Firewall</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="39" />
            <source>Antivirus</source>
            <translation>Antivirus</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="40" />
            <source>Antivirus signatures</source>
            <translation>Firme antivirus</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="41" />
            <source>Last antivirus scan</source>
            <translation>Ultima scansione antivirus</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="42" />
            <source>Tamper protection</source>
            <translation>Protezione antimanomissione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="43" />
            <source>Updates</source>
            <translation>Aggiornamenti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="44" />
            <source>Automatic updates</source>
            <translation>Aggiornamenti automatici</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="45" />
            <source>Reboot</source>
            <translation>Riavvio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="46" />
            <source>Disk encryption</source>
            <translation>Cifratura del disco</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="55" />
            <source>on</source>
            <translation>attivo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="55" />
            <source>off</source>
            <translation>disattivato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="79" />
            <source>Domain</source>
            <translation>Dominio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="79" />
            <source>Private</source>
            <translation>Privato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="79" />
            <source>Public</source>
            <translation>Pubblico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="97" />
            <source>No security posture reported yet: it comes with the machine's system check over SSH.</source>
            <translation>Nessuno stato di sicurezza ancora: arriva con il controllo di sistema della macchina via SSH.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="106" />
            <source>No machine of this client reports its security posture yet.</source>
            <translation>Nessuna macchina di questo cliente riporta ancora il suo stato di sicurezza.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="62" />
            <source>enabled</source>
            <translation>attiva</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="62" />
            <source>disabled</source>
            <translation>disattivata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="63" />
            <source>turned on</source>
            <translation>attivi</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="63" />
            <source>turned off</source>
            <translation>disattivati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="64" />
            <source>BitLocker on</source>
            <translation>BitLocker attivo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="64" />
            <source>BitLocker off</source>
            <translation>BitLocker disattivato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="66" />
            <source>up to date</source>
            <translation>aggiornate</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="66" />
            <source>out of date</source>
            <translation>non aggiornate</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="67" />
            <source>never</source>
            <translation>mai</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="69" />
            <source>none pending</source>
            <translation>nessuno in attesa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="72" />
            <source>not needed</source>
            <translation>non necessario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="72" />
            <source>pending</source>
            <translation>in attesa</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/security_text.py" line="58" />
            <source>off (%1)</source>
            <translation>disattivato (%1)</translation>
        </message>
    </context>
    <context>
        <name>ServiceErrors</name>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="17" />
            <source>an appointment needs a title</source>
            <translation>un appuntamento ha bisogno di un titolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="18" />
            <source>the appointment ends before it starts</source>
            <translation>l'appuntamento finisce prima di cominciare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="21" />
            <source>the duration must be a positive number of minutes</source>
            <translation>la durata deve essere un numero positivo di minuti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="24" />
            <source>an appointment cannot last more than 7 days</source>
            <translation>un appuntamento non può durare più di 7 giorni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="27" />
            <source>this appointment does not repeat</source>
            <translation>questo appuntamento non si ripete</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="30" />
            <source>this appointment repeats: say which occurrence, or edit the whole series</source>
            <translation>questo appuntamento si ripete: indica quale occorrenza, oppure modifica l'intera serie</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="33" />
            <source>change the repetition on the whole series, not one occurrence</source>
            <translation>la ripetizione si cambia sull'intera serie, non su una sola occorrenza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="36" />
            <source>an intervention needs a title</source>
            <translation>un intervento ha bisogno di un titolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="37" />
            <source>the note is empty</source>
            <translation>la nota è vuota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="38" />
            <source>time spent must be a positive number of minutes</source>
            <translation>il tempo impiegato deve essere un numero positivo di minuti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="41" />
            <source>the intervention belongs to another client</source>
            <translation>l'intervento è di un altro cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="44" />
            <source>the session ends before it starts</source>
            <translation>la sessione finisce prima di cominciare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="47" />
            <source>the recurrence rule is empty</source>
            <translation>la regola di ripetizione è vuota</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="73" />
            <source>this outcome answers the follow-up call of an intervention awaiting its check</source>
            <translation>questo esito risponde alla chiamata di verifica di un intervento in attesa di verifica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/service_errors.py" line="67" />
            <source>an intervention cannot go from “%1” to “%2” (allowed: %3)</source>
            <translation>un intervento non può passare da “%1” a “%2” (possibili: %3)</translation>
        </message>
    </context>
    <context>
        <name>SessionsPanel</name>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="23" />
            <source>Machine</source>
            <translation>Macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="24" />
            <source>Profile</source>
            <translation>Profilo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="25" />
            <source>Tool</source>
            <translation>Programma</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="26" />
            <source>Started</source>
            <translation>Avviata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="27" />
            <source>Tunnel</source>
            <translation>Tunnel</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="37" />
            <source>Close tunnel</source>
            <translation>Chiudi tunnel</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="38" />
            <source>End session</source>
            <translation>Termina sessione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/remote/sessions_panel.py" line="59" />
            <source>closed</source>
            <translation>chiuso</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/__init__.py" line="27" />
            <source>&amp;Settings…</source>
            <translation>&amp;Impostazioni…</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="61" />
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="73" />
            <source>Settings</source>
            <translation>Impostazioni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="90" />
            <source>Settings sections</source>
            <translation>Sezioni delle impostazioni</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="94" />
            <source>General</source>
            <translation>Generale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="95" />
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="96" />
            <source>Company profile</source>
            <translation>Profilo aziendale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="97" />
            <source>Polling</source>
            <translation>Monitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="98" />
            <source>Notifications</source>
            <translation>Notifiche</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="99" />
            <source>Business hours</source>
            <translation>Orario lavorativo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="100" />
            <source>Invoices</source>
            <translation>Fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="101" />
            <source>Mail accounts</source>
            <translation>Account di posta</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="102" />
            <source>Invoice e-mails</source>
            <translation>E-mail delle fatture</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="103" />
            <source>Remote connections</source>
            <translation>Connessioni remote</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="104" />
            <source>Backups</source>
            <translation>Backup</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="156" />
            <source>Some company details are not valid: see the marked fields.</source>
            <translation>Alcuni dati aziendali non sono validi: vedi i campi segnalati.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="159" />
            <source>The invoice number format is not valid.</source>
            <translation>Il formato del numero di fattura non è valido.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/settings_dialog/dialog.py" line="193" />
            <source>The settings could not be saved: %1</source>
            <translation>Non è stato possibile salvare le impostazioni: %1</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="64" />
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="74" />
            <source>Keyboard shortcuts</source>
            <translation>Scorciatoie da tastiera</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="69" />
            <source>Filter…</source>
            <translation>Filtra…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="70" />
            <source>Filter the shortcuts</source>
            <translation>Filtra le scorciatoie</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="75" />
            <source>Keys</source>
            <translation>Tasti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="75" />
            <source>Action</source>
            <translation>Azione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/shortcuts_dialog.py" line="75" />
            <source>Menu</source>
            <translation>Menu</translation>
        </message>
    </context>
    <context>
        <name>TechnicianPage</name>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="136" />
            <source>Who you are</source>
            <translation>Chi sei</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="137" />
            <source>Your name signs appointments, acknowledgements and remote sessions.</source>
            <translation>Il tuo nome firma appuntamenti, prese in carico e sessioni remote.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="141" />
            <source>Your name</source>
            <translation>Il tuo nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="143" />
            <source>&amp;Open the demo to try things out</source>
            <translation>&amp;Apri la demo per fare delle prove</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="147" />
            <source>Example clients, machines, interventions, appointments, contracts and invoices, in a database of their own: your data stays empty. Help → Open the demo brings it back.</source>
            <translation>Clienti, macchine, interventi, appuntamenti, contratti e fatture di esempio, in un database a parte: i tuoi dati restano vuoti. Aiuto → Apri la demo la riapre.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="154" />
            <source>&amp;Your name:</source>
            <translation>Il tuo &amp;nome:</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="178" />
            <source>Preparing the demo…</source>
            <translation>Preparazione della demo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/first_run/wizard.py" line="189" />
            <source>The demo data could not be added: %1</source>
            <translation>Impossibile aggiungere i dati dimostrativi: %1</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="20" />
            <source>{origin}, priority {priority}</source>
            <translation>{origin}, priorità {priority}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="21" />
            <source>Call to {who}: {outcome}</source>
            <translation>Chiamata a {who}: {outcome}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="22" />
            <source>Call from {who}: {outcome}</source>
            <translation>Chiamata da {who}: {outcome}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="23" />
            <source>Call again scheduled for {due}</source>
            <translation>Nuovo tentativo di chiamata previsto per {due}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="24" />
            <source>Call-back scheduled for {due}</source>
            <translation>Richiamata prevista per {due}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="25" />
            <source>Follow-up call scheduled for {due}</source>
            <translation>Chiamata di verifica prevista per {due}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="26" />
            <source>Appointment on site on {start}: {title}</source>
            <translation>Appuntamento in sede il {start}: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="27" />
            <source>Remote appointment on {start}: {title}</source>
            <translation>Appuntamento da remoto il {start}: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="28" />
            <source>Appointment moved to {start}: {title}</source>
            <translation>Appuntamento spostato al {start}: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="29" />
            <source>Appointment cancelled: {title}</source>
            <translation>Appuntamento annullato: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="30" />
            <source>Appointment done: {title}</source>
            <translation>Appuntamento svolto: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="31" />
            <source>Appointment changed ({fields}): {title}</source>
            <translation>Appuntamento modificato ({fields}): {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="32" />
            <source>Appointment unlinked: {title}</source>
            <translation>Appuntamento scollegato: {title}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="33" />
            <source>{protocol} session to {machine}</source>
            <translation>Sessione {protocol} su {machine}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="34" />
            <source>{protocol} session</source>
            <translation>Sessione {protocol}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="35" />
            <source>SLA breached: {clock}</source>
            <translation>SLA superato: {clock}</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="40" />
            <source>client reached</source>
            <translation>cliente raggiunto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="41" />
            <source>checked with the client</source>
            <translation>verificato con il cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="42" />
            <source>follow-up call: all OK</source>
            <translation>chiamata di verifica: tutto a posto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="43" />
            <source>follow-up call: still broken</source>
            <translation>chiamata di verifica: ancora guasto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="44" />
            <source>remote session started</source>
            <translation>sessione remota avviata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="45" />
            <source>the problem came back</source>
            <translation>il problema si è ripresentato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="46" />
            <source>work started</source>
            <translation>lavoro iniziato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="47" />
            <source>work done</source>
            <translation>lavoro svolto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="48" />
            <source>appointment agreed</source>
            <translation>appuntamento concordato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="52" />
            <source>title</source>
            <translation>titolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="53" />
            <source>technician</source>
            <translation>tecnico</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="54" />
            <source>place</source>
            <translation>luogo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="55" />
            <source>notes</source>
            <translation>note</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="56" />
            <source>duration</source>
            <translation>durata</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="57" />
            <source>time</source>
            <translation>orario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="58" />
            <source>client</source>
            <translation>cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="59" />
            <source>machine</source>
            <translation>macchina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="60" />
            <source>intervention</source>
            <translation>intervento</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="61" />
            <source>repetition</source>
            <translation>ripetizione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="84" />
            <source>Follow-up call: %1</source>
            <translation>Chiamata di verifica: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="85" />
            <source>Call again: %1</source>
            <translation>Richiamare: %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="92" />
            <source>Call back</source>
            <translation>Richiamare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/scheduling/timeline_text.py" line="140" />
            <source>exit code {code}</source>
            <translation>codice di uscita {code}</translation>
        </message>
    </context>
    <context>
        <name>TreePanel</name>
        <message>
            <location filename="../../src/msp_console/ui/views/tree_panel.py" line="60" />
            <source>Search client, machine, address, tag… (Ctrl+F)</source>
            <translation>Cerca cliente, macchina, indirizzo, etichetta… (Ctrl+F)</translation>
        </message>
    </context>
    <context>
        <name>ValidationText</name>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="23" />
            <location filename="../../src/msp_console/ui/validation_text.py" line="24" />
            <source>This field is required.</source>
            <translation>Campo obbligatorio.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="25" />
            <source>At most %1 characters.</source>
            <translation>Al massimo %1 caratteri.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="26" />
            <source>“%1” is not an Italian VAT number: it needs 11 digits.</source>
            <translation>“%1” non è una partita IVA italiana: servono 11 cifre.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="29" />
            <source>“%1” is not a valid Italian VAT number: the check digit is wrong.</source>
            <translation>“%1” non è una partita IVA valida: la cifra di controllo è sbagliata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="32" />
            <source>“%1” is not a VAT number: use 2 to 14 letters or digits.</source>
            <translation>“%1” non è una partita IVA: usare da 2 a 14 lettere o cifre.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="35" />
            <source>“%1” is not a tax code: it needs 16 characters (or 11 digits for a company).</source>
            <translation>“%1” non è un codice fiscale: servono 16 caratteri (o 11 cifre per un'azienda).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="38" />
            <source>“%1” is not a tax code: the pattern of letters and digits is wrong.</source>
            <translation>“%1” non è un codice fiscale: la sequenza di lettere e cifre è sbagliata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="41" />
            <source>“%1” is not a valid tax code: the check letter is wrong.</source>
            <translation>“%1” non è un codice fiscale valido: la lettera di controllo è sbagliata.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="44" />
            <source>“%1” is not an e-mail address.</source>
            <translation>“%1” non è un indirizzo di posta elettronica.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="45" />
            <source>The address is empty.</source>
            <translation>L'indirizzo è vuoto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="46" />
            <source>“%1” is not an IP address: each of the 4 numbers must be 0-255.</source>
            <translation>“%1” non è un indirizzo IP: ciascuno dei 4 numeri deve stare fra 0 e 255.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="49" />
            <source>“%1” is not a host name: longer than 253 characters.</source>
            <translation>“%1” non è un nome di rete: supera i 253 caratteri.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="50" />
            <source>“%1” is not a host name: use letters, digits, dots and “-”, no spaces.</source>
            <translation>“%1” non è un nome di rete: usare lettere, cifre, punti e “-”, senza spazi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="53" />
            <source>“%1” is not a phone number: use digits, spaces and an optional leading +.</source>
            <translation>“%1” non è un numero di telefono: usare cifre, spazi ed eventualmente un + iniziale.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="56" />
            <source>“%1” is not an SdI code: it needs 7 letters or digits (6 for public offices).</source>
            <translation>“%1” non è un codice SdI: servono 7 lettere o cifre (6 per la pubblica amministrazione).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="59" />
            <source>“%1” is not a country code: use two letters, e.g. IT.</source>
            <translation>“%1” non è un codice di nazione: usare due lettere, ad es. IT.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="60" />
            <source>“%1” is not an Italian postal code: it needs 5 digits.</source>
            <translation>“%1” non è un CAP italiano: servono 5 cifre.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="63" />
            <source>“%1” is not a postal code.</source>
            <translation>“%1” non è un codice postale.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="64" />
            <source>“%1” is not an Italian province: use its two-letter code, e.g. MI.</source>
            <translation>“%1” non è una provincia italiana: usare la sigla di due lettere, ad es. MI.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="67" />
            <source>A machine name cannot contain “/” (it separates client and machine).</source>
            <translation>Il nome di una macchina non può contenere “/” (separa cliente e macchina).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="70" />
            <source>The tag “%1” may only hold letters, digits, “.”, “+”, “-”, “_”.</source>
            <translation>L'etichetta “%1” può contenere solo lettere, cifre, “.”, “+”, “-”, “_”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="73" />
            <source>“%1” is not one of: %2.</source>
            <translation>“%1” non è fra: %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="74" />
            <source>“%1” is not yes or no.</source>
            <translation>“%1” non è né sì né no.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="75" />
            <source>A machine cannot sit behind itself.</source>
            <translation>Una macchina non può stare dietro a se stessa.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="76" />
            <source>That would make the machine sit behind itself.</source>
            <translation>Così la macchina starebbe dietro a se stessa.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="77" />
            <source>A client named “%1” already exists.</source>
            <translation>Esiste già un cliente di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="78" />
            <source>This client already has a site named “%1”.</source>
            <translation>Questo cliente ha già una sede di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="79" />
            <source>This client already has a contact named “%1”.</source>
            <translation>Questo cliente ha già un contatto di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="80" />
            <source>This client already has a machine named “%1”.</source>
            <translation>Questo cliente ha già una macchina di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="81" />
            <source>This client has no site named “%1”.</source>
            <translation>Questo cliente non ha una sede di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="82" />
            <source>This client has no machine named “%1”.</source>
            <translation>Questo cliente non ha una macchina di nome “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="83" />
            <source>“%1” is not a setting of this kind of check.</source>
            <translation>“%1” non è un parametro di questo tipo di controllo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="84" />
            <source>“%1” is not an IP address or network: e.g. 192.0.2.10 or 192.0.2.0/24.</source>
            <translation>“%1” non è un indirizzo IP o una rete: es. 192.0.2.10 o 192.0.2.0/24.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="87" />
            <source>“%1” is not a user name: use letters, digits, “_”, “.” and “-”.</source>
            <translation>“%1” non è un nome utente: usa lettere, cifre, “_”, “.” e “-”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="90" />
            <source>%1: “%2” is not an https:// address, e.g. https://192.0.2.5:8007.</source>
            <translation>%1: “%2” non è un indirizzo https://, es. https://192.0.2.5:8007.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="93" />
            <source>%1: “%2” is not a SHA-256 fingerprint: 64 hexadecimal digits, e.g. ab:cd:…</source>
            <translation>%1: “%2” non è un'impronta SHA-256: 64 cifre esadecimali, es. ab:cd:…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="96" />
            <source>%1: “%2” is not an API token id: USER@REALM!TOKENID, e.g. monitor@pbs!console.</source>
            <translation>%1: “%2” non è l'id di un token API: UTENTE@REALM!IDTOKEN, es. monitor@pbs!console.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="99" />
            <source>%1: “%2” is not a percentage from 1 to 100.</source>
            <translation>%1: “%2” non è una percentuale da 1 a 100.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="100" />
            <source>%1: “%2” is not a time zone such as Europe/Rome.</source>
            <translation>%1: “%2” non è un fuso orario come Europe/Rome.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="101" />
            <source>%1 is needed for this kind of check.</source>
            <translation>%1: obbligatorio per questo tipo di controllo.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="102" />
            <source>%1 must be a number from 1 to 65535.</source>
            <translation>%1: deve essere un numero da 1 a 65535.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="103" />
            <source>%1 must be a number.</source>
            <translation>%1: deve essere un numero.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="104" />
            <source>“%2” is not a valid %1: the shrink ratio is a fraction such as 0.5, the grow ratio a factor above 1 such as 3, the window a whole number of runs such as 7.</source>
            <translation>“%2” non è un valore valido per %1: la soglia di riduzione è una frazione come 0.5, quella di crescita un fattore sopra 1 come 3, la finestra un numero intero di esecuzioni come 7.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="109" />
            <source>Must be whole seconds from %1 to %2.</source>
            <translation>Deve essere un numero intero di secondi da %1 a %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="110" />
            <source>“%1” is not a threshold: use a range such as 10, 10:, ~:10, 10:20 or @10:20.</source>
            <translation>“%1” non è una soglia: usare un intervallo come 10, 10:, ~:10, 10:20 o @10:20.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="113" />
            <source>“%1”: the start of a range must not be above its end.</source>
            <translation>“%1”: l'inizio di un intervallo non può superarne la fine.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="116" />
            <source>Unknown threshold “%1”: expected one of %2.</source>
            <translation>Soglia sconosciuta “%1”: attesa una fra %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="117" />
            <source>Too many thresholds in “%1”: expected %2.</source>
            <translation>Troppe soglie in “%1”: attese %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="118" />
            <source>This kind of check takes its thresholds in the command.</source>
            <translation>Questo tipo di controllo prende le soglie dal comando.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="121" />
            <source>The contract ends before it starts.</source>
            <translation>Il contratto finisce prima di cominciare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="122" />
            <source>The billing day is a day of the month (1–31).</source>
            <translation>Il giorno di fatturazione è un giorno del mese (1–31).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="123" />
            <source>Invoices are in Italian or English.</source>
            <translation>Le fatture sono in italiano o in inglese.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="124" />
            <source>Quantities and prices cannot be negative.</source>
            <translation>Quantità e prezzi non possono essere negativi.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="125" />
            <source>A contract needs at least one service.</source>
            <translation>Un contratto ha bisogno di almeno un servizio.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="126" />
            <source>A contract “%1” exists already.</source>
            <translation>Esiste già un contratto “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="127" />
            <source>“%1”: no such file.</source>
            <translation>“%1”: il file non esiste.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="128" />
            <source>The logo must be a PNG or JPEG image.</source>
            <translation>Il logo deve essere un'immagine PNG o JPEG.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="129" />
            <source>“%1” is not a number of days (0–365).</source>
            <translation>“%1” non è un numero di giorni (0–365).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="130" />
            <source>Appears again (first on line %1).</source>
            <translation>Compare di nuovo (la prima volta alla riga %1).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="131" />
            <source>No client named “%1” (import the clients first).</source>
            <translation>Nessun cliente di nome “%1” (importare prima i clienti).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="132" />
            <source>The file is empty or its first line is blank.</source>
            <translation>Il file è vuoto o la sua prima riga è bianca.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="133" />
            <source>Unknown column (expected some of: %1).</source>
            <translation>Colonna sconosciuta (attese alcune fra: %1).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="134" />
            <source>This required column is missing.</source>
            <translation>Manca questa colonna obbligatoria.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="135" />
            <source>This column appears twice.</source>
            <translation>Questa colonna compare due volte.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="136" />
            <source>The row has %1 cells but the header has %2.</source>
            <translation>La riga ha %1 celle ma l'intestazione ne ha %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="137" />
            <source>Client “%1”: the VAT number (or at least the tax code) is missing.</source>
            <translation>Cliente “%1”: manca la partita IVA (o almeno il codice fiscale).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="140" />
            <source>Client “%1”: “%2” is missing (the electronic invoice needs the full address).</source>
            <translation>Cliente “%1”: manca “%2” (la fattura elettronica richiede l'indirizzo completo).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="143" />
            <source>The company profile lacks “%1”.</source>
            <translation>Nel profilo aziendale manca “%1”.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="144" />
            <source>A credit note needs a reason (it is printed on it).</source>
            <translation>Una nota di credito richiede un motivo (viene stampato).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="147" />
            <source>%1 is already fully credited.</source>
            <translation>%1 è già stornata per intero.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="148" />
            <source>The payment date is before the invoice date.</source>
            <translation>La data del pagamento è precedente alla data della fattura.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="149" />
            <source>Invoice %1 is issued: issue a credit note instead of deleting it.</source>
            <translation>La fattura %1 è emessa: invece di eliminarla emettere una nota di credito.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="152" />
            <source>Invoice %1 is issued and cannot change.</source>
            <translation>La fattura %1 è emessa e non può cambiare.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="153" />
            <source>%1 is before the last issued invoice (%2): numbers must follow the dates.</source>
            <translation>%1 è prima dell'ultima fattura emessa (%2): i numeri devono seguire le date.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="156" />
            <source>“%1” is not an IBAN: two letters, two check digits, then the account.</source>
            <translation>“%1” non è un IBAN: due lettere, due cifre di controllo, poi il conto.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="159" />
            <source>“%1” is not a valid IBAN: it should have %2 characters.</source>
            <translation>“%1” non è un IBAN valido: dovrebbe avere %2 caratteri.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="162" />
            <source>“%1” is not a valid IBAN: the check digits are wrong.</source>
            <translation>“%1” non è un IBAN valido: le cifre di controllo sono sbagliate.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="165" />
            <source>“%1” is not a tax regime: use RF01 (ordinary) … RF20.</source>
            <translation>“%1” non è un regime fiscale: usare RF01 (ordinario) … RF20.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="166" />
            <source>“%1” is not a VAT rate between 0 and 100.</source>
            <translation>“%1” non è un'aliquota IVA fra 0 e 100.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="167" />
            <source>A 0 % VAT rate needs a Natura code (N1, N2.1, N2.2, … N7).</source>
            <translation>Un'aliquota IVA dello 0 % richiede un codice Natura (N1, N2.1, N2.2, … N7).</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="170" />
            <source>“%1” is not a Natura code: use one of %2.</source>
            <translation>“%1” non è un codice Natura: usarne uno fra %2.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="171" />
            <source>A Natura code is only for a 0 % VAT rate.</source>
            <translation>Il codice Natura vale solo per un'aliquota IVA dello 0 %.</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="244" />
            <source>name</source>
            <translation>nome</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="245" />
            <source>VAT number</source>
            <translation>partita IVA</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="246" />
            <source>tax code</source>
            <translation>codice fiscale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="247" />
            <source>address</source>
            <translation>indirizzo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="248" />
            <source>postal code</source>
            <translation>CAP</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="249" />
            <source>city</source>
            <translation>città</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="250" />
            <source>province</source>
            <translation>provincia</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="251" />
            <source>country</source>
            <translation>paese</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="252" />
            <source>SdI code</source>
            <translation>codice SdI</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="253" />
            <source>PEC</source>
            <translation>PEC</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="254" />
            <source>e-mail</source>
            <translation>posta elettronica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="255" />
            <source>phone</source>
            <translation>telefono</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="313" />
            <source>line %1</source>
            <translation>riga %1</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/validation_text.py" line="315" />
            <source>column %1</source>
            <translation>colonna %1</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="38" />
            <source>&amp;Import from CSV…</source>
            <translation>&amp;Importa da CSV…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="41" />
            <source>Bring in clients, contacts or machines from a spreadsheet</source>
            <translation>Importa clienti, contatti o macchine da un foglio di calcolo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="43" />
            <source>&amp;Clients…</source>
            <translation>&amp;Clienti…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="44" />
            <source>C&amp;ontacts…</source>
            <translation>C&amp;ontatti…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="45" />
            <source>&amp;Machines…</source>
            <translation>&amp;Macchine…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="46" />
            <source>&amp;Quit</source>
            <translation>E&amp;sci</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="49" />
            <source>&amp;New…</source>
            <translation>&amp;Nuovo…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="52" />
            <source>New machine under the selected client, or a new client</source>
            <translation>Nuova macchina nel cliente selezionato, oppure un nuovo cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="54" />
            <source>&amp;Edit…</source>
            <translation>&amp;Modifica…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="54" />
            <source>Edit the selected item</source>
            <translation>Modifica l'elemento selezionato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="56" />
            <source>&amp;Delete…</source>
            <translation>&amp;Elimina…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="59" />
            <source>Delete the selected item (asks first)</source>
            <translation>Elimina l'elemento selezionato (chiede conferma)</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="61" />
            <source>&amp;Find in tree</source>
            <translation>&amp;Trova nell'albero</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="62" />
            <source>&amp;Quick find</source>
            <translation>&amp;Ricerca rapida</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="64" />
            <source>&amp;New client…</source>
            <translation>&amp;Nuovo cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="65" />
            <source>New &amp;site…</source>
            <translation>Nuova &amp;sede…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="66" />
            <source>New &amp;contact…</source>
            <translation>Nuovo &amp;contatto…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="67" />
            <source>&amp;Edit client…</source>
            <translation>&amp;Modifica cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="68" />
            <source>&amp;Archive client</source>
            <translation>&amp;Archivia cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="69" />
            <source>&amp;Restore archived client</source>
            <translation>&amp;Ripristina cliente archiviato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="70" />
            <source>&amp;Delete client…</source>
            <translation>&amp;Elimina cliente…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="72" />
            <source>&amp;New machine…</source>
            <translation>&amp;Nuova macchina…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="73" />
            <source>&amp;Edit machine…</source>
            <translation>&amp;Modifica macchina…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="74" />
            <source>&amp;Delete machine…</source>
            <translation>&amp;Elimina macchina…</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="76" />
            <source>Show &amp;archived clients</source>
            <translation>Mostra clienti &amp;archiviati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="78" />
            <source>E&amp;xpand all</source>
            <translation>&amp;Espandi tutto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="79" />
            <source>&amp;Collapse all</source>
            <translation>&amp;Comprimi tutto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="81" />
            <source>&amp;Reload</source>
            <translation>&amp;Ricarica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="84" />
            <source>Read the tree again from the database</source>
            <translation>Rilegge l'albero dal database</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="87" />
            <source>Open &amp;data folder</source>
            <translation>Apri la cartella dei &amp;dati</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="88" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Scorciatoie da tastiera</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="90" />
            <source>Open the &amp;demo</source>
            <translation>Apri la &amp;demo</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="91" />
            <source>Example clients, machines, contracts and invoices, in a window of their own</source>
            <translation>Clienti, macchine, contratti e fatture di esempio, in una finestra a parte</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="93" />
            <source>&amp;About MSP Console</source>
            <translation>&amp;Informazioni su MSP Console</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="94" />
            <source>About &amp;Qt</source>
            <translation>Informazioni su &amp;Qt</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="100" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="102" />
            <source>&amp;Export to CSV</source>
            <translation>&amp;Esporta in CSV</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="106" />
            <source>&amp;Edit</source>
            <translation>&amp;Modifica</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="110" />
            <source>&amp;View</source>
            <translation>&amp;Visualizza</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="116" />
            <source>&amp;Client</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="120" />
            <source>&amp;Machine</source>
            <translation>Macc&amp;hina</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="123" />
            <source>M&amp;onitoring</source>
            <translation>M&amp;onitoraggio</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="123" />
            <source>Polling is not configured yet</source>
            <translation>Il monitoraggio non è ancora configurato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="124" />
            <source>C&amp;alendar</source>
            <translation>Ca&amp;lendario</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="124" />
            <source>No calendar connected yet</source>
            <translation>Nessun calendario ancora collegato</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="125" />
            <source>&amp;Billing</source>
            <translation>Fa&amp;tturazione</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="125" />
            <source>No contracts to bill yet</source>
            <translation>Ancora nessun contratto da fatturare</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="128" />
            <source>&amp;Tools</source>
            <translation>&amp;Strumenti</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="130" />
            <source>&amp;Help</source>
            <translation>&amp;Aiuto</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="138" />
            <source>Main toolbar</source>
            <translation>Barra principale</translation>
        </message>
        <message>
            <location filename="../../src/msp_console/ui/actions.py" line="149" />
            <source>New</source>
            <translation>Nuovo</translation>
        </message>
    </context>
</TS>
