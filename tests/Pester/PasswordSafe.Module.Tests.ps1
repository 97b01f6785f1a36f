#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The built module as users get it: a valid manifest that exports exactly the DLL's cmdlets, and
    complete help for every cmdlet (after PSScriptAnalyzer's Tests/Engine/ModuleHelp.Tests.ps1).
    Build first: dotnet build PasswordSafe.sln (or ./build.ps1 -Build).
#>

BeforeDiscovery {
    $manifestPath = Join-Path $PSScriptRoot '../../out/PasswordSafe/PasswordSafe.psd1'
    $cmdletNames = @((Import-PowerShellDataFile -Path $manifestPath).CmdletsToExport)
}

BeforeAll {
    $manifestPath = Join-Path $PSScriptRoot '../../out/PasswordSafe/PasswordSafe.psd1'
    $manifestData = Import-PowerShellDataFile -Path $manifestPath
    $module = Import-Module -Name $manifestPath -Force -PassThru -ErrorAction Stop
}

AfterAll {
    Remove-Module -Name PasswordSafe -Force -ErrorAction SilentlyContinue
}

Describe 'PasswordSafe manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets the DLL defines' {
        $defined = $module.ImplementingAssembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName }
        @($manifestData.CmdletsToExport | Sort-Object) | Should -Be @($defined | Sort-Object)
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($defined | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        $manifestData.Keys | Should -Contain 'FunctionsToExport'
        $manifestData.Keys | Should -Contain 'AliasesToExport'
        $manifestData.Keys | Should -Contain 'VariablesToExport'
        @($manifestData.FunctionsToExport).Count | Should -Be 0
        @($manifestData.AliasesToExport).Count | Should -Be 0
        @($manifestData.VariablesToExport).Count | Should -Be 0
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        @($manifestData.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        $manifestData.PowerShellVersion | Should -Be '5.1'
    }

    It 'ships the about topic' {
        (Get-Help -Name about_PasswordSafe | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}

Describe 'Help for <_>' -ForEach $cmdletNames {
    BeforeAll {
        $commandName = $_
        $command = Get-Command -Name $commandName -Module PasswordSafe
        $help = Get-Help -Name $commandName -Full -Category Cmdlet
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        # WhatIf and Confirm are not "common": they must be documented where they exist.
        $codeParameters = @($command.Parameters.Values | Where-Object { $common -notcontains $_.Name })
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ -and $common -notcontains $_.name })
    }

    It 'has a synopsis that is not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike '*`[`<CommonParameters`>`]*'
        $help.Synopsis.Trim() | Should -Not -BeLike "$commandName *"
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($example in @($help.examples.example)) {
            $example.code | Should -Not -BeNullOrEmpty -Because "every example of $commandName needs code"
        }
    }

    It 'documents every parameter with a description and the right type' {
        foreach ($parameter in $codeParameters) {
            $parameterHelp = $helpParameters | Where-Object name -EQ $parameter.Name
            $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $commandName needs help"
            ($parameterHelp.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $commandName needs a description"
            $helpType = $parameterHelp.type.name
            $helpType | Should -BeIn @($parameter.ParameterType.Name, $parameter.ParameterType.FullName) -Because "the help of -$($parameter.Name) should name its type"
        }
    }

    It 'documents no parameter the cmdlet does not have' {
        foreach ($parameterHelp in $helpParameters) {
            $codeParameters.Name | Should -Contain $parameterHelp.name -Because "$commandName has no -$($parameterHelp.name) any more"
        }
    }
}
