<#
.SYNOPSIS
    Builds, documents, tests and packages the PasswordSafe module.

.DESCRIPTION
    The front door on machines with PowerShell (pwsh or Windows PowerShell 5.1) and the .NET SDK.

    - Build:   dotnet build PasswordSafe.sln, which lays out the importable module in out/PasswordSafe
               (manifest, DLL, format file, Dependencies/, and en-US help from the built-in help compiler).
    - Docs:    when PlatyPS is installed (Microsoft.PowerShell.PlatyPS or platyPS), validates en-US/*.md
               with it and regenerates the MAML into out/PasswordSafe/en-US; otherwise keeps the
               compiler's output.
    - Test:    dotnet test PasswordSafe.sln, then the Pester tests in tests/Pester in a child process
               (a binary module cannot be unloaded, so the build's own session never imports it).
    - Package: a zip of out/PasswordSafe, and a .nupkg when PowerShellGet/PSResourceGet can make one.

    With no switch, Build and Test run.

.PARAMETER Configuration
    Debug or Release. Default: Debug.

.PARAMETER Clean
    Removes out/ and every bin/ and obj/ folder first.

.EXAMPLE
    ./build.ps1
    Builds and runs every test.

.EXAMPLE
    ./build.ps1 -Clean -Build -Docs -Package -Configuration Release
    Clean release build with PlatyPS-checked help, packaged in out/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [switch] $Clean,
    [switch] $Build,
    [switch] $Docs,
    [switch] $Test,
    [switch] $Package
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$repoRoot = $PSScriptRoot
$solution = Join-Path $repoRoot 'PasswordSafe.sln'
$outRoot = Join-Path $repoRoot 'out'
$moduleOut = Join-Path $outRoot 'PasswordSafe'

if (-not ($Clean -or $Build -or $Docs -or $Test -or $Package)) {
    $Build = $true
    $Test = $true
}

function Invoke-Native {
    # Native tools do not throw; stop the build on a non-zero exit code.
    param([string] $FilePath, [string[]] $ArgumentList)
    Write-Verbose "$FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Clean {
    if (Test-Path $outRoot) { Remove-Item $outRoot -Recurse -Force }
    Get-ChildItem -Path (Join-Path $repoRoot 'src'), (Join-Path $repoRoot 'tests') -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $solution, '-c', $Configuration, '--nologo')
    if (-not (Test-Path (Join-Path $moduleOut 'PasswordSafe.psd1'))) {
        throw "The build did not lay out $moduleOut."
    }
}

function Invoke-Docs {
    $platyPS = Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS, platyPS |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning 'PlatyPS is not installed; keeping the help written by the build''s help compiler. Install-Module Microsoft.PowerShell.PlatyPS to check it with PlatyPS.'
        return
    }

    $source = Join-Path $repoRoot 'en-US'
    $helpOut = Join-Path $moduleOut 'en-US'
    # PlatyPS runs in a child process so this session never loads help tooling or the module.
    $script = if ($platyPS.Name -eq 'Microsoft.PowerShell.PlatyPS') {
        # PlatyPS 1.x (v2) checks the markdown; the MAML stays the help compiler's (same schema, named for the DLL).
        @"
`$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PlatyPS
`$bad = @(Get-ChildItem -Path '$source' -Filter *.md | Where-Object Name -NotLike 'about_*' |
    Where-Object { -not (Test-MarkdownCommandHelp -Path `$_.FullName) })
foreach (`$file in `$bad) { Test-MarkdownCommandHelp -Path `$file.FullName -DetailView | Out-String | Write-Host }
if (`$bad.Count -gt 0) { throw "PlatyPS rejected `$(`$bad.Count) help file(s): `$(`$bad.Name -join ', ')" }
"@
    }
    else {
        # platyPS 0.14 (v1) regenerates the MAML and about topics from the same markdown.
        @"
`$ErrorActionPreference = 'Stop'
Import-Module platyPS
New-ExternalHelp -Path '$source' -OutputPath '$helpOut' -Force | Out-Null
"@
    }

    Invoke-Child -Script $script
}

function Invoke-Child {
    # Same PowerShell as this build (pwsh or powershell.exe), fresh process, no profile.
    param([string] $Script)
    # -EncodedCommand: Windows PowerShell mangles quotes in native arguments, base64 has none.
    $exe = (Get-Process -Id $PID).MainModule.FileName
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($Script))
    Invoke-Native $exe @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
}

function Invoke-Test {
    Invoke-Native dotnet @('test', $solution, '-c', $Configuration, '--nologo')

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed; skipping tests/Pester. Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser.'
        return
    }

    $testPath = Join-Path $repoRoot 'tests/Pester'
    $results = Join-Path $outRoot 'PesterResults.xml'
    Invoke-Child -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0
`$config = New-PesterConfiguration
`$config.Run.Path = '$testPath'
`$config.Run.Exit = `$true
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$results'
`$config.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration `$config
"@
}

function Invoke-Package {
    if (-not (Test-Path (Join-Path $moduleOut 'PasswordSafe.psd1'))) {
        throw "Nothing to package: build first (./build.ps1 -Build)."
    }

    $version = (Import-PowerShellDataFile (Join-Path $moduleOut 'PasswordSafe.psd1')).ModuleVersion
    $zip = Join-Path $outRoot "PasswordSafe.$version.zip"
    Compress-Archive -Path $moduleOut -DestinationPath $zip -Force
    Write-Host "Package: $zip"

    # A .nupkg as the PowerShell Gallery expects it: publish to a local folder repository.
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        $feed = Join-Path $outRoot 'feed'
        New-Item -ItemType Directory -Path $feed -Force | Out-Null
        $repoName = 'PasswordSafeLocalBuild'
        if (-not (Get-PSResourceRepository -Name $repoName -ErrorAction SilentlyContinue)) {
            Register-PSResourceRepository -Name $repoName -Uri $feed -Trusted
        }
        try {
            Publish-PSResource -Path $moduleOut -Repository $repoName
            Write-Host "Package: $(Get-ChildItem $feed -Filter *.nupkg | Select-Object -Last 1 -ExpandProperty FullName)"
        }
        finally {
            Unregister-PSResourceRepository -Name $repoName
        }
    }
    else {
        Write-Warning 'PSResourceGet (Publish-PSResource) is not available; only the zip was made.'
    }
}

Push-Location $repoRoot
try {
    if ($Clean) { Invoke-Clean }
    if ($Build) { Invoke-Build }
    if ($Docs) { Invoke-Docs }
    if ($Test) { Invoke-Test }
    if ($Package) { Invoke-Package }
}
finally {
    Pop-Location
}
