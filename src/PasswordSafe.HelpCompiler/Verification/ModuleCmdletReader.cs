using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PasswordSafe.HelpCompiler.Verification;

/// <summary>
/// Lists the cmdlets and parameters a module DLL declares by reading its metadata. The DLL is read
/// into memory and never loaded, so the build can overwrite it and no dependency needs resolving.
/// </summary>
internal static class ModuleCmdletReader
{
    private const string AutomationNamespace = "System.Management.Automation";

    public static IReadOnlyList<CmdletSignature> Read(string assemblyPath)
    {
        using var pe = new PEReader(ImmutableArray.Create(File.ReadAllBytes(assemblyPath)));
        var reader = pe.GetMetadataReader();
        var provider = new AttributeValueTypeProvider();
        var cmdlets = new List<CmdletSignature>();

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & System.Reflection.TypeAttributes.Abstract) != 0)
            {
                continue;
            }

            foreach (var attributeHandle in type.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(attributeHandle);
                if (AttributeTypeName(reader, attribute) != AutomationNamespace + ".CmdletAttribute")
                {
                    continue;
                }

                var value = attribute.DecodeValue(provider);
                var name = $"{value.FixedArguments[0].Value}-{value.FixedArguments[1].Value}";
                var shouldProcess = value.NamedArguments.Any(a => a.Name == "SupportsShouldProcess" && a.Value is true);
                var paging = value.NamedArguments.Any(a => a.Name == "SupportsPaging" && a.Value is true);
                var typeName = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
                cmdlets.Add(new CmdletSignature(name, typeName, shouldProcess, paging, ParameterNames(reader, handle)));
            }
        }

        return cmdlets;
    }

    /// <summary>[Parameter] properties of the type and of its base types defined in the same DLL.</summary>
    private static IReadOnlyCollection<string> ParameterNames(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = handle;
        while (!current.IsNil)
        {
            var type = reader.GetTypeDefinition(current);
            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                if (property.GetCustomAttributes().Any(a =>
                        AttributeTypeName(reader, reader.GetCustomAttribute(a)) == AutomationNamespace + ".ParameterAttribute"))
                {
                    names.Add(reader.GetString(property.Name));
                }
            }

            // A base type from another assembly (PSCmdlet) is a TypeReference: its parameters are the common ones.
            current = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
        }

        return names;
    }

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle typeHandle = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };

        return typeHandle.Kind switch
        {
            HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)typeHandle)),
            HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)typeHandle).Namespace) + "." +
                                         reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)typeHandle).Name),
            _ => "",
        };
    }

    private static string FullName(MetadataReader reader, TypeReference reference) =>
        reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name);
}
