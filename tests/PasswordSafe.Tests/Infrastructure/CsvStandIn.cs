namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Import-Csv for the hosted engine, which loads no Microsoft.PowerShell.Utility: rows as Import-Csv writes them, one
/// PSCustomObject per line with every value a string and an empty cell an empty string (no quoting: test files hold no
/// commas in values). Tests write real .csv files and pipe this, as a user pipes Import-Csv.
/// </summary>
public static class CsvStandIn
{
    public const string ImportCsv =
        "function Import-Csv {\n" +
        "    param([Parameter(Mandatory)][string] $Path)\n" +
        "    $lines = [System.IO.File]::ReadAllLines($Path)\n" +
        "    $header = $lines[0].Split(',')\n" +
        "    for ($n = 1; $n -lt $lines.Count; $n++) {\n" +
        "        if (-not $lines[$n]) { continue }\n" +
        "        $cells = $lines[$n].Split(',')\n" +
        "        $row = [ordered]@{}\n" +
        "        for ($i = 0; $i -lt $header.Count; $i++) { $row[$header[$i]] = if ($i -lt $cells.Count) { $cells[$i] } else { '' } }\n" +
        "        [pscustomobject]$row\n" +
        "    }\n" +
        "}\n";
}
