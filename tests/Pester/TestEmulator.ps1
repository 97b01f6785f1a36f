<#
    Starts and stops the PasswordSafe emulator for a Pester file, as a runbook's own tests can: dot-source this
    file in BeforeAll, call Start-TestEmulator, and Stop-TestEmulator in AfterAll. Not a test file itself (Pester
    runs only *.Tests.ps1).
#>

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the emulator with its demo seed on a free port of 127.0.0.1 and waits for its banner.
    .OUTPUTS
        An object with Process, Uri, Thumbprint (the emulator's certificate, to pin), DemoKey (a SecureString)
        and Seed (the demo seed, for expected values).
    #>
    param(
        [Parameter(Mandatory)] [string] $RepositoryRoot,
        [Parameter(Mandatory)] [string] $LogFolder
    )

    # A free port on 127.0.0.1: bind to port 0, read the port, release it.
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()

    $log = Join-Path $LogFolder "emulator-$port.out.log"
    $process = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -ArgumentList @('run', '--project', (Join-Path $RepositoryRoot 'src/PasswordSafe.Emulator'), '--', '--port', "$port") `
        -RedirectStandardOutput $log -RedirectStandardError (Join-Path $LogFolder "emulator-$port.err.log")

    # dotnet run may build first: wait for the banner, which carries the certificate thumbprint to pin.
    $thumbprint = $null
    $deadline = [DateTime]::UtcNow.AddMinutes(3)
    while (-not $thumbprint -and [DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
        Start-Sleep -Milliseconds 500
        $banner = Get-Content -Path $log -Raw -ErrorAction SilentlyContinue
        if ($banner -match 'thumbprint ([0-9A-Fa-f]{40})') { $thumbprint = $Matches[1] }
    }
    if (-not $thumbprint) {
        Stop-TestEmulator -Emulator ([pscustomobject]@{ Process = $process })
        throw "The emulator did not start on port $port. Output:`n$(Get-Content -Path $log -Raw -ErrorAction SilentlyContinue)"
    }

    # The demo seed's published values; only ever valid against the emulator.
    $seed = Get-Content -Path (Join-Path $RepositoryRoot 'src/PasswordSafe.Emulator/Seeds/demo.json') -Raw | ConvertFrom-Json
    $key = ($seed.ApiRegistrations | Where-Object Id -EQ 1).Key

    [pscustomobject]@{
        Process    = $process
        Uri        = "https://127.0.0.1:$port"
        Thumbprint = $thumbprint
        DemoKey    = [System.Net.NetworkCredential]::new('', $key).SecurePassword
        Seed       = $seed
    }
}

function Stop-TestEmulator {
    <#
    .SYNOPSIS
        Stops the emulator and the dotnet run process tree around it.
    #>
    param([Parameter(Mandatory)] $Emulator)

    $process = $Emulator.Process
    if ($process -and -not $process.HasExited) {
        if ($PSVersionTable.PSEdition -eq 'Core') { $process.Kill($true) }
        else { & taskkill.exe /PID $process.Id /T /F | Out-Null }
    }
}
