<#
.SYNOPSIS
    Test the installer built by build.ps1: install, run, uninstall, data kept.

.DESCRIPTION
    1. Installs dist\Catena-<version>-setup-x64.exe silently, for the current user, into
       a temporary folder (/CURRENTUSER /DIR=...), and checks the files are there.
    2. Creates a user catalogue with the installed catena-cli.exe (init + import --sample,
       in a temporary folder named by CATENA_CATALOGUE), then runs the installed
       catena-cli.exe --version and --smoke.
    3. Uninstalls silently and checks that the program folder is gone and that the
       user's catalogue is still there, byte for byte.

    pwsh packaging\windows\test_installer.ps1 [-Setup dist\Catena-0.1.0-setup-x64.exe]
#>
[CmdletBinding()]
param(
    [string]$Setup = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Fail([string]$Message) { Write-Error "test_installer.ps1: FAILED: $Message"; exit 1 }
function Ok([string]$Message) { Write-Host "  ok   $Message" }

if (-not $Setup) {
    $found = Get-ChildItem (Join-Path $Root "dist") -Filter "Catena-*-setup-x64.exe" -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $found) { Fail "no installer in dist\; run packaging\windows\build.ps1 first" }
    $Setup = $found.FullName
}
$Version = (Get-Item $Setup).Name -replace '^Catena-(.+)-setup-x64\.exe$', '$1'
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("catena-setup-test-" + [guid]::NewGuid().ToString("N").Substring(0, 8))
$AppDir = Join-Path $Work "Catena"
New-Item -ItemType Directory -Force $Work | Out-Null
Write-Host "==> Testing $Setup (version $Version) in $Work"

try {
    # --- 1. install --------------------------------------------------------------------
    $log = Join-Path $Work "install.log"
    $install = Start-Process -FilePath $Setup -Wait -PassThru -ArgumentList @(
        "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/NOICONS",
        "/DIR=`"$AppDir`"", "/LOG=`"$log`"")
    if ($install.ExitCode -ne 0) { Get-Content $log | Write-Host; Fail "setup exit code $($install.ExitCode)" }
    foreach ($file in @("Catena.exe", "catena-cli.exe", "unins000.exe",
            "_internal\resources\icons\catena.png", "_internal\db\migrations\env.py")) {
        if (-not (Test-Path (Join-Path $AppDir $file))) { Fail "not installed: $file" }
    }
    Ok "installed silently into $AppDir"

    # --- 2. run ------------------------------------------------------------------------
    $Cli = Join-Path $AppDir "catena-cli.exe"
    $reported = (& $Cli --version).Trim()
    if ($reported -ne "catena $Version") { Fail "--version says '$reported', expected 'catena $Version'" }
    Ok "catena-cli.exe --version: $reported"

    $UserCatalogue = Join-Path $Work "User.catena"
    $env:CATENA_CATALOGUE = $UserCatalogue
    & $Cli init $UserCatalogue
    if ($LASTEXITCODE -ne 0) { Fail "catena-cli init (exit $LASTEXITCODE)" }
    & $Cli import --sample
    if ($LASTEXITCODE -ne 0) { Fail "catena-cli import --sample (exit $LASTEXITCODE)" }
    Remove-Item Env:\CATENA_CATALOGUE
    $before = Get-ChildItem $UserCatalogue -Recurse -File | Sort-Object FullName |
        ForEach-Object { "$($_.FullName.Substring($UserCatalogue.Length)) $((Get-FileHash $_.FullName).Hash)" }
    Ok "user catalogue created: $UserCatalogue ($($before.Count) files)"

    Write-Host "---- catena-cli.exe --smoke ----"
    & $Cli --smoke
    if ($LASTEXITCODE -ne 0) { Fail "catena-cli.exe --smoke (exit $LASTEXITCODE)" }
    Write-Host "--------------------------------"
    Ok "catena-cli.exe --smoke"

    # --- 3. uninstall ------------------------------------------------------------------
    # Start-Process -Wait also waits for the copy of itself the uninstaller runs from %TEMP%.
    $uninstall = Start-Process -FilePath (Join-Path $AppDir "unins000.exe") -Wait -PassThru `
        -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
    if ($uninstall.ExitCode -ne 0) { Fail "uninstaller exit code $($uninstall.ExitCode)" }
    $deadline = (Get-Date).AddSeconds(60)
    while ((Test-Path (Join-Path $AppDir "Catena.exe")) -and (Get-Date) -lt $deadline) { Start-Sleep 1 }
    if (Test-Path (Join-Path $AppDir "Catena.exe")) { Fail "Catena.exe still there after uninstalling" }
    if (Test-Path (Join-Path $AppDir "_internal")) { Fail "_internal still there after uninstalling" }
    Ok "uninstalled: the program files are gone"

    $after = Get-ChildItem $UserCatalogue -Recurse -File | Sort-Object FullName |
        ForEach-Object { "$($_.FullName.Substring($UserCatalogue.Length)) $((Get-FileHash $_.FullName).Hash)" }
    if (Compare-Object $before $after) { Fail "the user's catalogue changed when Catena was uninstalled" }
    Ok "user catalogue intact after uninstalling ($($after.Count) files, byte for byte)"
    Write-Host "==> All checks passed for $(Split-Path $Setup -Leaf)"
} finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
