; Inno Setup (6.3 or later) script for Catena's Windows installer.
;
; Built by packaging\windows\build.ps1, which runs PyInstaller first and passes:
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DSourceDir=<repo>\dist\Catena
;        /DOutputDir=<repo>\dist [/DSignTool=catena /Scatena=<sign command with $f>]
;        packaging\windows\catena.iss
; Output: dist\Catena-<version>-setup-x64.exe
;
; What it installs: the PyInstaller one-folder build (dist\Catena: Catena.exe, the
; windowed program, and catena-cli.exe, its console twin for the command line) into
; {autopf}\Catena: "Program Files" when installed for all users, or
; %LOCALAPPDATA%\Programs when installed for the current user only (/CURRENTUSER).
;
; Users' data is never in {app}: catalogues live in %LOCALAPPDATA%\Catena (platformdirs),
; window settings in HKCU\Software\Catena. The uninstaller removes only what it
; installed and leaves both alone.
;
; File association: none. A Catena catalogue is a folder (NAME.catena\), and Windows
; associates file types by extension with files only: a folder named X.catena is still
; opened by Explorer as a folder. The nearest thing, a context-menu verb on
; Directory, would show on every folder on the machine, so none is registered.
; Catalogues are opened from the window (File > Open Catalogue) or with
;   Catena.exe gui --catalogue PATH
;
; Code signing (optional; unsigned builds work but SmartScreen warns): build.ps1 signs
; Catena.exe and catena-cli.exe before this script runs, and defines SignTool so that
; Inno Setup signs the installer and the uninstaller with the same command. The command
; is a SignTool line with $f for the file, taken from $env:CATENA_SIGN_COMMAND, e.g.
;   signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f
; ($f is the quoted file name, $q a double quote: signtool.exe sign /n $qName$q ... $f)

#ifndef AppVersion
  #error Define AppVersion (build.ps1 passes the version from pyproject.toml)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Catena"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Catena"
#define AppExe "Catena.exe"
#define AppPublisher "Catena developers"

[Setup]
; AppId identifies Catena to Windows across versions (upgrades, uninstall): never change it.
AppId={{4F71A8B5-D634-463E-860A-426B6F10191E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=Catena developers, GPL-3.0-or-later
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Ask whether to install for all users (admin) or just for me; /ALLUSERS or /CURRENTUSER
; on the command line for silent installs.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
; Qt 6 needs 64-bit Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup-x64
SetupIconFile=..\..\resources\icons\catena.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
RestartApplications=no
ChangesAssociations=no
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version's one-folder build has other file names: remove the old program files
; (only the program's own folder) before copying the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Catalogue evidence documents and print verifiable dossiers"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry] entries: the uninstaller removes exactly the
; files it installed, never catalogues or settings.
