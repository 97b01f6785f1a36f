<#
    Starts and stops the PasswordSafe emulator for a Pester file, as a runbook's own tests can: dot-source this
    file in BeforeAll, call Start-TestEmulator, and Stop-TestEmulator in AfterAll. Between tests,
    Reset-TestEmulator starts the emulator's state over from its seed, and Move-TestEmulatorClock moves its clock
    forward instead of waiting (request expiry, idle timeouts). Not a test file itself (Pester runs only *.Tests.ps1).
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

function Reset-TestEmulator {
    <#
    .SYNOPSIS
        Starts the emulator's state over from its seed (POST /emulator/reset): every session ends, requests and
        changes are gone, and the clock returns to real time. The port and the certificate stay, so nothing needs
        to connect differently; the module signs in again at its next call.
    #>
    param([Parameter(Mandatory)] $Emulator)

    $null = Invoke-TestEmulatorControl -Emulator $Emulator -Method Post -Path 'reset'
}

function Move-TestEmulatorClock {
    <#
    .SYNOPSIS
        Moves the emulator's clock forward (POST /emulator/clock), so expiry and idle timeouts can be tested
        without waiting. Time never runs back: Reset-TestEmulator returns the clock to real time.
    .OUTPUTS
        The emulator's clock afterwards: Now, Offset and OffsetMinutes.
    #>
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [double] $Minutes
    )

    Invoke-TestEmulatorControl -Emulator $Emulator -Method Post -Path 'clock' -Body @{ AdvanceMinutes = $Minutes }
}

function Invoke-TestEmulatorControl {
    <#
    .SYNOPSIS
        Calls one of the emulator's control endpoints (/emulator/...), which answer loopback callers only.
    #>
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        [hashtable] $Body
    )

    $request = @{ Method = $Method; Uri = "$($Emulator.Uri)/emulator/$Path"; ContentType = 'application/json' }
    if ($Body) { $request.Body = $Body | ConvertTo-Json -Compress }

    if ($PSVersionTable.PSEdition -eq 'Core') {
        # The self-signed certificate of the emulator this file started, on loopback.
        return Invoke-RestMethod @request -SkipCertificateCheck
    }

    # Windows PowerShell 5.1 has neither -SkipCertificateCheck nor TLS 1.2 by default: pin the emulator's
    # certificate and allow TLS 1.2 for this call only, then put both process-wide settings back.
    $previousCallback = [System.Net.ServicePointManager]::ServerCertificateValidationCallback
    $previousProtocols = [System.Net.ServicePointManager]::SecurityProtocol
    $thumbprint = $Emulator.Thumbprint
    try {
        [System.Net.ServicePointManager]::SecurityProtocol = $previousProtocols -bor [System.Net.SecurityProtocolType]::Tls12
        [System.Net.ServicePointManager]::ServerCertificateValidationCallback = {
            param($sender, $certificate) $certificate.GetCertHashString() -eq $thumbprint
        }.GetNewClosure()
        Invoke-RestMethod @request
    }
    finally {
        [System.Net.ServicePointManager]::ServerCertificateValidationCallback = $previousCallback
        [System.Net.ServicePointManager]::SecurityProtocol = $previousProtocols
    }
}
