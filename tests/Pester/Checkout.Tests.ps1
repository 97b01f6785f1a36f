#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The module's main job against the emulator, as a runbook's own tests would check it: a credential checked
    out and in (spec E1), the runbook pattern that always checks in, a request that waits for an approver, request
    sets, ending access by target and quarantining a user, ISA retrieval and sessions (E3, E4), no password in Verbose or Debug
    output, and request expiry and idle timeouts with the emulator's clock moved forward. Needs the .NET SDK (dotnet) and a built module (./build.ps1 -Build).
#>

BeforeAll {
    $repoRoot = (Resolve-Path -Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module -Name (Join-Path $repoRoot 'out/PasswordSafe/PasswordSafe.psd1') -Force -ErrorAction Stop
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')

    $emulator = Start-TestEmulator -RepositoryRoot $repoRoot -LogFolder $TestDrive
    $connection = @{ Uri = $emulator.Uri; ApiKey = $emulator.DemoKey; ServerCertificateThumbprint = $emulator.Thumbprint }
    Connect-PasswordSafe @connection -RunAs demo

    # Expected values come from the demo seed, never from the module under test.
    function Get-SeedPassword([string] $AccountName) {
        ($emulator.Seed.ManagedAccounts | Where-Object AccountName -EQ $AccountName | Select-Object -First 1).Password
    }
}

AfterAll {
    Get-PasswordSafeSession -All -ErrorAction SilentlyContinue | Disconnect-PasswordSafe -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Module -Name PasswordSafe -Force -ErrorAction SilentlyContinue
    if ($emulator) { Stop-TestEmulator -Emulator $emulator }
}

Describe 'Checking a credential out and in (E1)' {
    AfterEach {
        # Each test starts with nothing open: check in whatever one left behind.
        Get-PSRequest -ErrorAction SilentlyContinue | Complete-PSRequest -Reason 'Pester cleanup' -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'pipes an account into a request and a PSCredential named as the account' {
        $credential = Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequest -Reason 'Pester' | Get-PSCredential

        $credential | Should -BeOfType ([pscredential])
        $credential.UserName | Should -Be 'Administrator'
        $credential.GetNetworkCredential().Password | Should -Be (Get-SeedPassword 'Administrator')
        @(Get-PSRequest -Status Active) | Should -HaveCount 1
    }

    It 'gives a SecureString or plain text only when asked' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        $request | Get-PSCredential -AsSecureString | Should -BeOfType ([securestring])
        $request | Get-PSCredential -AsPlainText | Should -Be (Get-SeedPassword 'Administrator')
    }

    It 'checks in, after which the credential is no longer readable' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        $request | Complete-PSRequest -Reason 'done'

        @(Get-PSRequest -Status Active) | Should -HaveCount 0
        { $request | Get-PSCredential -ErrorAction Stop } | Should -Throw -ErrorId 'RequestNotActive*'
    }

    It 'reports a request that needs an approver as pending, not as an error' {
        $request = New-PSRequest -SystemName db01 -AccountName sa -Reason 'Pester' -WarningVariable pending -WarningAction SilentlyContinue

        $request.Status | Should -Be 'Pending'
        $pending | Should -Not -BeNullOrEmpty
        { $request | Get-PSCredential -ErrorAction Stop } | Should -Throw -ErrorId 'RequestNotApproved*'
    }

    It 'changes nothing with -WhatIf' {
        New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester' -WhatIf

        @(Get-PSRequest) | Should -HaveCount 0
    }

    It "gives a request by ids the account's default duration, as by names" {
        $request = New-PSRequest -SystemId 1 -AccountId 1 -Reason 'Pester'

        ($request.ExpiresDate - $request.ApprovedDate).TotalMinutes | Should -Be 120
        $request.RotateOnCheckin | Should -BeFalse
    }

    It 'writes the checked-in request with -PassThru' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        $done = $request | Complete-PSRequest -Reason 'done' -PassThru

        $done.Status | Should -Be 'CheckedIn'
        $done.AccountName | Should -Be 'Administrator'
    }
}

Describe 'Use-PSCredential, the runbook pattern (E1)' {
    It 'runs the block with the credential and checks in' {
        $length = Use-PSCredential web01 Administrator -Reason 'Pester' { param($Credential) $Credential.GetNetworkCredential().Password.Length }

        $length | Should -Be (Get-SeedPassword 'Administrator').Length
        @(Get-PSRequest -Status Active) | Should -HaveCount 0
    }

    It 'checks in when the block throws, and the error reaches the caller' {
        { Use-PSCredential web01 Administrator -Reason 'Pester' { throw 'the job failed' } } | Should -Throw '*the job failed*'

        @(Get-PSRequest -Status Active) | Should -HaveCount 0
    }

    It 'names a credential requested by ids after its account' {
        $account = Get-PSManagedAccount -SystemName web01 -AccountName Administrator

        $userName = Use-PSCredential -SystemId $account.SystemId -AccountId $account.AccountId -Reason 'Pester' { param($Credential) $Credential.UserName }

        $userName | Should -Be 'Administrator'
    }

    It 'requests through an alias: the preferred account, named as the server names it, and checks in' {
        $result = Use-PSCredential -AliasName web-admin -Reason 'Pester' {
            param($Credential)
            $Credential.UserName
            $Credential.GetNetworkCredential().Password.Length
        }

        $result[0] | Should -Be 'Administrator'
        $result[1] | Should -Be (Get-SeedPassword 'Administrator').Length
        @(Get-PSRequest -Status Active) | Should -HaveCount 0
    }

    It 'refuses an unmapped alias without running the block' {
        $output = @(Use-PSCredential -AliasName db-admin -Reason 'Pester' { 'ran' } -ErrorAction SilentlyContinue -ErrorVariable failure)

        $output | Should -HaveCount 0
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ValidationFailed*'
        @(Get-PSRequest -Status All) | Should -HaveCount 0
    }
}

Describe 'Request sets: several access types on one approval (E1, E2)' {
    AfterEach {
        Get-PSRequest -ErrorAction SilentlyContinue | Complete-PSRequest -Reason 'Pester cleanup' -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'requests View and RDP as one set: the password from one request, an RDP ticket from the other' {
        $set = New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason 'Pester'

        $set | Should -BeOfType ([PasswordSafe.RequestSet])
        $set.Status | Should -Be 'Active'
        $set.Requests | Should -HaveCount 2
        $credential = $set.Requests | Where-Object AccessType -EQ View | Get-PSCredential
        $credential.GetNetworkCredential().Password | Should -Be (Get-SeedPassword 'Administrator')
        $ticket = $set.Requests | Where-Object AccessType -EQ RDP | New-PSAccessSession -SessionType rdpticket
        $ticket.Ticket | Should -Not -BeNullOrEmpty

        $set.Requests | Complete-PSRequest -Reason 'done'

        @(Get-PSRequest -Status Active) | Should -HaveCount 0
    }

    It 'reports a set that needs an approver as pending, not as an error' {
        $set = New-PSRequestSet -SystemName db01 -AccountName sa -AccessType View, RDP -Reason 'Pester' -WarningVariable pending -WarningAction SilentlyContinue

        $set.Status | Should -Be 'Pending'
        $pending | Should -Not -BeNullOrEmpty
        { $set.Requests | Where-Object AccessType -EQ View | Get-PSCredential -ErrorAction Stop } | Should -Throw -ErrorId 'RequestNotApproved*'
    }
}

Describe 'Ending access by target (incident response)' {
    AfterEach {
        Get-PSRequest -ErrorAction SilentlyContinue | Complete-PSRequest -Reason 'Pester cleanup' -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'ends every open request on a piped account; its credential is then no longer readable' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Stop-PSRequest -Reason 'INC-1042' -Force

        @(Get-PSRequest) | Should -HaveCount 0
        { $request | Get-PSCredential -ErrorAction Stop } | Should -Throw -ErrorId 'RequestNotActive*'
    }

    It 'refuses a piped request instead of ending every request on its account' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        { $request | Stop-PSRequest -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ValidationFailed*'

        @(Get-PSRequest) | Should -HaveCount 1
    }

    It 'changes nothing with -WhatIf' {
        $null = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Stop-PSRequest -WhatIf

        @(Get-PSRequest) | Should -HaveCount 1
    }

    It 'quarantines a user, who can then no longer sign in' {
        Connect-PasswordSafe @connection -RunAs push-user -NoDefault -PassThru | Disconnect-PasswordSafe -Confirm:$false

        $user = Get-PSUser -UserName push-user | Block-PSUser -Force

        $user.IsQuarantined | Should -BeTrue
        { Connect-PasswordSafe @connection -RunAs push-user -NoDefault -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationFailed*'
    }

    It 'quarantines nobody with -WhatIf' {
        Get-PSUser -UserName mfa-user | Block-PSUser -WhatIf

        (Get-PSUser -UserName mfa-user).IsQuarantined | Should -BeFalse
    }
}

Describe 'ISA retrieval and sessions (E3, E4)' {
    BeforeAll {
        $isa = Connect-PasswordSafe @connection -RunAs isa-user -NoDefault -PassThru
    }

    AfterAll {
        if ($isa) { $isa | Disconnect-PasswordSafe -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'releases the credential at once, without a request' {
        $credential = Get-PSIsaCredential -SystemName lnx01 -AccountName deploy -Reason 'Pester' -Session $isa

        $credential.UserName | Should -Be 'deploy'
        $credential.GetNetworkCredential().Password | Should -Be (Get-SeedPassword 'deploy')
        @(Get-PSRequest -Session $isa) | Should -HaveCount 0
    }

    It 'opens an SSH session and returns its ticket' {
        $session = New-PSIsaSession -SystemName lnx01 -AccountName deploy -SessionType SSH -Session $isa

        $session | Should -BeOfType ([PasswordSafe.AccessSession])
        $session.Ticket | Should -Not -BeNullOrEmpty
        $session.Host | Should -Not -BeNullOrEmpty
    }

    It 'refuses a user without the ISA role with PermissionDenied' {
        { Get-PSIsaCredential -SystemName web01 -AccountName Administrator -ErrorAction Stop } | Should -Throw -ErrorId 'PermissionDenied*'
    }
}

Describe 'No secrets in Verbose or Debug output' {
    It 'keeps the password out of every stream of a whole checkout' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $everything = & {
            $credential = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester' | Get-PSCredential
            Get-PSRequest | Complete-PSRequest -Reason 'done' -Confirm:$false
            Use-PSCredential web01 Administrator -Reason 'Pester' { param($Credential) 'ran' }
            $null = $credential
        } *>&1 | ForEach-Object { "$_" }

        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Contain 'ran'
        ($everything -join "`n") | Should -Not -Match ([regex]::Escape((Get-SeedPassword 'Administrator')))
    }
}

Describe 'Expiry and idle timeouts, with the emulator clock moved forward (E1, B2)' {
    AfterAll {
        # Back to real time and the seed's state for whatever runs next.
        Reset-TestEmulator -Emulator $emulator
    }

    It 'loses the credential once the request has expired' {
        $request = New-PSRequest -SystemName web01 -AccountName Administrator -DurationMinutes 5 -Reason 'Pester'

        $null = Move-TestEmulatorClock -Emulator $emulator -Minutes 6

        { $request | Get-PSCredential -ErrorAction Stop } | Should -Throw -ErrorId 'RequestNotActive*'
        @(Get-PSRequest -Status Active) | Should -HaveCount 0
    }

    It 'signs in again by itself after the server ended the session for idleness' {
        $null = Move-TestEmulatorClock -Emulator $emulator -Minutes 21

        $account = Get-PSManagedAccount -SystemName web01 -AccountName Administrator

        $account.AccountName | Should -Be 'Administrator'
        Test-PasswordSafeSession | Should -BeTrue
    }

    It 'forgets every request after a reset, and the module carries on' {
        $null = New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'Pester'

        Reset-TestEmulator -Emulator $emulator

        @(Get-PSRequest -Status All) | Should -HaveCount 0
    }
}
