#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Connect-PasswordSafe against the emulator over HTTPS, as a runbook test would do it: start the
    emulator on a free port, sign in with the demo key, check the session, fail with a wrong key,
    disconnect. Needs the .NET SDK (dotnet) and a built module (./build.ps1 -Build).
#>

BeforeAll {
    $repoRoot = (Resolve-Path -Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module -Name (Join-Path $repoRoot 'out/PasswordSafe/PasswordSafe.psd1') -Force -ErrorAction Stop

    # A free port on 127.0.0.1: bind to port 0, read the port, release it.
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()

    $emulatorLog = Join-Path $TestDrive 'emulator.out.log'
    $emulator = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -ArgumentList @('run', '--project', (Join-Path $repoRoot 'src/PasswordSafe.Emulator'), '--', '--port', "$port") `
        -RedirectStandardOutput $emulatorLog -RedirectStandardError (Join-Path $TestDrive 'emulator.err.log')

    # dotnet run may build first: wait for the banner, which carries the certificate thumbprint to pin.
    $thumbprint = $null
    $deadline = [DateTime]::UtcNow.AddMinutes(3)
    while (-not $thumbprint -and [DateTime]::UtcNow -lt $deadline -and -not $emulator.HasExited) {
        Start-Sleep -Milliseconds 500
        $banner = Get-Content -Path $emulatorLog -Raw -ErrorAction SilentlyContinue
        if ($banner -match 'thumbprint ([0-9A-Fa-f]{40})') { $thumbprint = $Matches[1] }
    }
    if (-not $thumbprint) {
        throw "The emulator did not start on port $port. Output:`n$(Get-Content -Path $emulatorLog -Raw -ErrorAction SilentlyContinue)"
    }

    $uri = "https://127.0.0.1:$port"
    # The demo seed's published values; only ever valid against the emulator.
    $demoSeed = Get-Content -Path (Join-Path $repoRoot 'src/PasswordSafe.Emulator/Seeds/demo.json') -Raw | ConvertFrom-Json
    $demoKey = ($demoSeed.ApiRegistrations | Where-Object Id -EQ 1).Key
    $demoKeySecure = [System.Net.NetworkCredential]::new('', $demoKey).SecurePassword
}

AfterAll {
    Get-PasswordSafeSession -All -ErrorAction SilentlyContinue | Disconnect-PasswordSafe -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Module -Name PasswordSafe -Force -ErrorAction SilentlyContinue
    if ($emulator -and -not $emulator.HasExited) {
        # dotnet run starts the emulator as a child process: stop the whole tree.
        if ($PSVersionTable.PSEdition -eq 'Core') { $emulator.Kill($true) }
        else { & taskkill.exe /PID $emulator.Id /T /F | Out-Null }
    }
}

Describe 'Connect-PasswordSafe against the emulator' {
    It 'signs in with the demo API key and makes the session the default (B1, B2)' {
        $session = Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -PassThru

        $session.UserName | Should -Be 'demo'
        $session.IsConnected | Should -BeTrue
        $session.BaseUri.AbsoluteUri | Should -BeLike "$uri/BeyondTrust/api/public/v3/*"

        $default = Get-PasswordSafeSession
        $default.Id | Should -Be $session.Id
        Test-PasswordSafeSession | Should -BeTrue
    }

    It 'never shows the key in the session object' {
        $session = Get-PasswordSafeSession
        ($session | Format-List -Property * | Out-String) | Should -Not -Match ([regex]::Escape($demoKey))
        $session.ToString() | Should -Not -Match ([regex]::Escape($demoKey))
    }

    It 'fails with AuthenticationFailed for a wrong key (D1, D2)' {
        $wrongKey = [System.Net.NetworkCredential]::new('', ('x' * 128)).SecurePassword
        $failure = $null
        try {
            Connect-PasswordSafe -Uri $uri -ApiKey $wrongKey -RunAs demo -ServerCertificateThumbprint $thumbprint -NoDefault -ErrorAction Stop
        }
        catch {
            $failure = $_
        }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ToString() | Should -Not -Match ('x' * 128)
    }

    It 'disconnects and clears the default' {
        Disconnect-PasswordSafe -Confirm:$false

        Get-PasswordSafeSession | Should -BeNullOrEmpty
        # Without a default, API cmdlets say so instead of guessing.
        { Invoke-PSRestMethod -Method Get -Path 'UserGroups' -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }
}
