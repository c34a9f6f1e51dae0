namespace HwGen.Model;

/// <summary>The weights of one transformer block.</summary>
public sealed record LayerWeights(Matrix AttnWq, Matrix AttnWk, Matrix AttnWv, Matrix AttnWo, Matrix MlpFc1, Matrix MlpFc2);

/// <summary>
/// A complete model of the family: its shape and every weight, as doubles. Whatever the file's
/// dtype, weights are widened to double on load.
/// </summary>
public sealed class ModelWeights
{
    public ModelWeights(ModelConfig config, IReadOnlyDictionary<string, Matrix> tensors)
    {
        Config = config;
        foreach (var (name, rows, cols) in config.TensorShapes())
        {
            if (!tensors.TryGetValue(name, out var m))
                throw new ArgumentException($"tensor '{name}' is missing", nameof(tensors));
            if (m.Rows != rows || m.Cols != cols)
                throw new ArgumentException($"tensor '{name}' is [{m.Rows}, {m.Cols}], expected [{rows}, {cols}]", nameof(tensors));
        }
        Tensors = tensors;
        Wte = tensors[TensorNames.Wte];
        Wpe = tensors[TensorNames.Wpe];
        LmHead = tensors[TensorNames.LmHead];
        Layers = Enumerable.Range(0, config.NLayer).Select(i => new LayerWeights(
            tensors[TensorNames.AttnWq(i)], tensors[TensorNames.AttnWk(i)], tensors[TensorNames.AttnWv(i)],
            tensors[TensorNames.AttnWo(i)], tensors[TensorNames.MlpFc1(i)], tensors[TensorNames.MlpFc2(i)])).ToArray();
    }

    public ModelConfig Config { get; }

    /// <summary>Every tensor by its state_dict name.</summary>
    public IReadOnlyDictionary<string, Matrix> Tensors { get; }

    public Matrix Wte { get; }

    public Matrix Wpe { get; }

    public Matrix LmHead { get; }

    public IReadOnlyList<LayerWeights> Layers { get; }

    /// <summary>A model of the given shape with every weight zero (the trainer fills it).</summary>
    public static ModelWeights Zeros(ModelConfig config) =>
        new(config, config.TensorShapes().ToDictionary(t => t.Name, t => new Matrix(t.Rows, t.Cols)));

    /// <summary>A deep copy.</summary>
    public ModelWeights Clone() =>
        new(Config, Tensors.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()));
}
