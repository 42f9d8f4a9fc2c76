<#
.SYNOPSIS
    Build Catena's Windows installer: PyInstaller one-folder build, then Inno Setup.

.DESCRIPTION
    1. Creates .venv with the packaging extra when it is missing or older than
       pyproject.toml (the same rule as the Makefile's stamps).
    2. Runs PyInstaller with packaging\catena.spec -> dist\Catena\ (Catena.exe, windowed;
       catena-cli.exe, console) and checks that catena-cli.exe reports the version.
    3. Signs both executables when $env:CATENA_SIGN_COMMAND is set (a SignTool command
       line with $f for the file; see packaging\windows\catena.iss).
    4. Compiles packaging\windows\catena.iss with Inno Setup 6.3+ (installed with
       Chocolatey when ISCC.exe is missing or older) -> dist\Catena-<version>-setup-x64.exe.

    Run from any folder:  pwsh packaging\windows\build.ps1 [-Python python]

.PARAMETER Python
    The interpreter that creates .venv (default: "py -3.11" when the launcher exists,
    else "python"). Python 3.11 or newer.
#>
[CmdletBinding()]
param(
    [string]$Python = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Started = Get-Date

function Invoke-Native {
    param([Parameter(Mandatory)][string]$Exe, [string[]]$Arguments = @())
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed (exit $LASTEXITCODE)" }
}

# --- 1. the virtual environment ---------------------------------------------------------
$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
$Stamp = Join-Path $Root ".venv\.packaging-stamp"
if (-not (Test-Path $VenvPython)) {
    Write-Host "==> Creating .venv"
    if ($Python) {
        Invoke-Native $Python @("-m", "venv", ".venv")
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Native "py" @("-3.11", "-m", "venv", ".venv")
    } else {
        Invoke-Native "python" @("-m", "venv", ".venv")
    }
}
if (-not (Test-Path $Stamp) -or
    (Get-Item $Stamp).LastWriteTime -lt (Get-Item (Join-Path $Root "pyproject.toml")).LastWriteTime) {
    Write-Host "==> Installing Catena with the packaging extra into .venv"
    Invoke-Native $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    Invoke-Native $VenvPython @("-m", "pip", "install", "--quiet", "-e", ".[packaging]")
    New-Item -ItemType File -Force $Stamp | Out-Null
}

$Version = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
# Windows version resources need four numbers: 0.1.0 -> 0.1.0.0 (1.0rc1 -> 1.0.0.0)
$Numeric = (& $VenvPython -c "from packaging.version import Version; import sys; print('.'.join(map(str, (Version(sys.argv[1]).release + (0, 0, 0, 0))[:4])))" $Version).Trim()
Invoke-Native $VenvPython @("packaging\make_icons.py", "--check")
Invoke-Native $VenvPython @("-m", "tools.i18n", "build")  # .qm/.mo catalogues (not in git)

# --- 2. PyInstaller ----------------------------------------------------------------------
Write-Host "==> PyInstaller: Catena $Version -> dist\Catena\"
Invoke-Native $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "packaging\catena.spec")
$Bundle = Join-Path $Root "dist\Catena"
foreach ($exe in @("Catena.exe", "catena-cli.exe")) {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "dist\Catena\$exe was not built" }
}
# --- OCR engine ---------------------------------------------------------------------------
# Tesseract 5 (the UB Mannheim build, from Chocolatey) is copied into the bundle, where
# desktop\ingest\ocr_engine.find_tesseract looks first (_internal\tesseract\tesseract.exe),
# with the language data of every language Catena offers (packaging\fetch_tessdata.py).
Write-Host "==> Tesseract: bundling the OCR engine and its language data"
if (-not (Get-Command choco -ErrorAction SilentlyContinue)) {
    throw "Chocolatey is needed to fetch Tesseract (or install Tesseract 5 to C:\Program Files\Tesseract-OCR)"
}
if (-not (Test-Path "${env:ProgramFiles}\Tesseract-OCR\tesseract.exe")) {
    Invoke-Native "choco" @("upgrade", "tesseract", "--yes", "--no-progress")
}
$TesseractDir = Join-Path $Bundle "_internal\tesseract"
Copy-Item -Recurse -Force "${env:ProgramFiles}\Tesseract-OCR" $TesseractDir
Invoke-Native $VenvPython @((Join-Path $Root "packaging\fetch_tessdata.py"), "--to", (Join-Path $TesseractDir "tessdata"))
& (Join-Path $TesseractDir "tesseract.exe") --version
if ($LASTEXITCODE -ne 0) { throw "the bundled tesseract.exe does not run" }

$Reported = (& (Join-Path $Bundle "catena-cli.exe") --version).Trim()
if ($Reported -ne "catena $Version") { throw "catena-cli.exe reports '$Reported', expected 'catena $Version'" }

# --- 3. signing (optional) ---------------------------------------------------------------
$SignCommand = $env:CATENA_SIGN_COMMAND
if ($SignCommand) {
    Write-Host "==> Signing the executables"
    foreach ($exe in @("Catena.exe", "catena-cli.exe")) {
        # The same placeholders as Inno Setup's SignTool: $f the quoted file, $q a quote.
        $line = $SignCommand.Replace('$f', '"' + (Join-Path $Bundle $exe) + '"').Replace('$q', '"')
        cmd /c $line
        if ($LASTEXITCODE -ne 0) { throw "signing $exe failed (exit $LASTEXITCODE)" }
    }
} else {
    Write-Host "==> Not signing (set CATENA_SIGN_COMMAND to sign; see catena.iss)"
}

# --- 4. Inno Setup -----------------------------------------------------------------------
# catena.iss needs Inno Setup 6.3 or later (x64compatible); 7.x compiles it unchanged.
$MinimumInno = [version]"6.3"
function Find-Iscc {
    $candidates = @()
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { $candidates += $onPath.Source }
    foreach ($base in @(${env:ProgramFiles}, ${env:ProgramFiles(x86)}, "$env:LOCALAPPDATA\Programs")) {
        if (-not $base) { continue }
        foreach ($major in @("7", "6")) { $candidates += Join-Path $base "Inno Setup $major\ISCC.exe" }
    }
    foreach ($candidate in $candidates) {
        if (-not (Test-Path $candidate)) { continue }
        $fileVersion = (Get-Item $candidate).VersionInfo.FileVersion
        if (-not $fileVersion) { continue }
        $found = [version]($fileVersion.Split(" ")[0])
        if ($found -ge $MinimumInno) { return $candidate }
        Write-Host "    $candidate is Inno Setup $found; $MinimumInno or later is needed"
    }
    return $null
}
$Iscc = Find-Iscc
if (-not $Iscc) {
    if (-not (Get-Command choco -ErrorAction SilentlyContinue)) {
        throw "Inno Setup $MinimumInno+ (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php"
    }
    Write-Host "==> Installing Inno Setup with Chocolatey"
    Invoke-Native "choco" @("upgrade", "innosetup", "--yes", "--no-progress")
    $Iscc = Find-Iscc
    if (-not $Iscc) { throw "Inno Setup was installed but no ISCC.exe $MinimumInno+ was found" }
}

Write-Host "==> Inno Setup: $Iscc"
$IsccArgs = @("/Qp", "/DAppVersion=$Version", "/DAppVersionNumeric=$Numeric",
    "/DSourceDir=$Bundle", "/DOutputDir=$(Join-Path $Root 'dist')")
if ($SignCommand) { $IsccArgs += @("/DSignTool=catena", "/Scatena=$SignCommand") }
$IsccArgs += (Join-Path $Root "packaging\windows\catena.iss")
Invoke-Native $Iscc $IsccArgs

$Setup = Join-Path $Root "dist\Catena-$Version-setup-x64.exe"
if (-not (Test-Path $Setup)) { throw "$Setup was not created" }
$SizeMiB = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
$Elapsed = [math]::Round(((Get-Date) - $Started).TotalSeconds)
Write-Host "==> Built $Setup ($SizeMiB MiB) in $Elapsed s"
