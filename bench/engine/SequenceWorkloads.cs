using System.Diagnostics;
using System.IO.Compression;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using OptimizerSettings = NnViz.Torch.OptimizerSettings;

namespace NnViz.Bench.Engine;

public static partial class Workloads
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    private static byte[] ReadGz(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>B2: Fashion-MNIST MLP 784-64-10 (relu, softmax cross-entropy on logits), Adam 1e-3, batch 64: one epoch
    /// over the 60,000 training images (a warm-up epoch first, not timed).</summary>
    public static BenchResult Mlp(int threads)
    {
        var img = ReadGz(Path.Combine(FashionMnist, "train-images-idx3-ubyte.gz"));
        var lab = ReadGz(Path.Combine(FashionMnist, "train-labels-idx1-ubyte.gz"));
        int n = 60000;
        var x = new float[n * 784]; var y = new float[n * 10];
        for (int i = 0; i < x.Length; i++) x[i] = img[16 + i] / 255f;
        for (int i = 0; i < n; i++) y[i * 10 + lab[8 + i]] = 1;
        var rng = new Rng(4);
        var model = Sequential.Build(784, [new LayerSpec("dense", "h", 64, "relu"), new LayerSpec("dense", "out", 10)], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new SoftmaxCrossEntropy(), new("adam", 1e-3), threads);
        var shuffle = rng.Fork("shuffle");
        trainer.TrainEpoch(x, y, 6400, 64, shuffle);
        var sw = Clock.StartNew();
        var r = trainer.TrainEpoch(x, y, n, 64, shuffle);
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s/epoch", $"loss {r.Loss:F4}"));
    }

    private static (float[] x, float[] y) Tokens(Rng rng, int rows, int steps, int vocab, int outputs, bool zipf = false)
    {
        var x = new float[rows * steps]; var y = new float[rows * outputs];
        // zipf: log-uniform ids (id = vocab^v), a Zipf-like text (~27 % of a 64 x 200 batch's tokens distinct, real IMDB ~18 %).
        for (int i = 0; i < x.Length; i++) x[i] = zipf ? Math.Min(vocab - 1, (int)Math.Pow(vocab, rng.NextDouble())) : 1 + rng.NextInt(vocab - 1);
        for (int i = 0; i < y.Length; i++) y[i] = rng.NextInt(2);
        return (x, y);
    }

    /// <summary>IMDB-shaped: vocab 10,000, 200 tokens, Embedding 128, LSTM 64, Dense(1, sigmoid), Adam, batch 64.
    /// Times 40 batches (after 2 warm-up batches) and scales to the 25,000-sequence epoch (391 batches).</summary>
    public static BenchResult LstmEpoch(int threads) => LstmEpoch(threads, zipf: false);

    /// <summary><see cref="LstmEpoch(int)"/> on Zipf-like token ids instead of uniform ones (closer to real text).</summary>
    public static BenchResult LstmTextEpoch(int threads) => LstmEpoch(threads, zipf: true);

    private static BenchResult LstmEpoch(int threads, bool zipf)
    {
        var rng = new Rng(5);
        const int batches = 40, batch = 64, steps = 200;
        var (x, y) = Tokens(rng.Fork("data"), (batches + 2) * batch, steps, 10000, 1, zipf);
        var model = Sequential.Build(steps, [new LayerSpec("embedding", "emb", Units: 128, VocabSize: 10000),
            new LayerSpec("lstm", "lstm", Units: 64), new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new BinaryCrossEntropy(), new("adam", 1e-3), threads);
        trainer.TrainEpoch(x, y, 2 * batch, batch, null);
        var sw = Clock.StartNew();
        trainer.TrainEpoch(x[(2 * batch * steps)..], y[(2 * batch)..], batches * batch, batch, null);
        double perBatch = sw.Elapsed.TotalSeconds / batches;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        return Timed(sw, new BenchResult(perBatch * Math.Ceiling(25000.0 / batch), "s/epoch",
            $"{perBatch * 1000:F1} ms/batch; peak working set {peak / (1 << 20)} MiB"));
    }

    /// <summary>BiLSTM: vocab 10,000, 100 tokens, Embedding 50, BiLSTM 64 (concat), Dense(6) on logits (multi-label BCE),
    /// Adam, batch 64; seconds per 10,000 sequences (timed over 40 batches after warm-up).</summary>
    public static BenchResult BiLstm(int threads)
    {
        var rng = new Rng(6);
        const int batches = 40, batch = 64, steps = 100;
        var (x, y) = Tokens(rng.Fork("data"), (batches + 2) * batch, steps, 10000, 6);
        var model = Sequential.Build(steps, [new LayerSpec("embedding", "emb", Units: 50, VocabSize: 10000),
            new LayerSpec("bidirectional", "bilstm", Units: 64), new LayerSpec("dense", "out", 6)], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new BinaryCrossEntropy(fromLogits: true), new("adam", 1e-3), threads);
        trainer.TrainEpoch(x, y, 2 * batch, batch, null);
        var sw = Clock.StartNew();
        trainer.TrainEpoch(x[(2 * batch * steps)..], y[(2 * batch * 6)..], batches * batch, batch, null);
        double perSeq = sw.Elapsed.TotalSeconds / (batches * batch);
        return Timed(sw, new BenchResult(perSeq * 10000, "s/10k seq", $"{perSeq * batch * 1000:F1} ms/batch"));
    }

    /// <summary>Prefix evaluation: the IMDB-shaped model's probability after each of the 200 prefixes of a review (one pass).
    /// Seconds per review, averaged over 50 reviews after a warm-up.</summary>
    public static BenchResult Prefix(int threads)
    {
        var rng = new Rng(7);
        var model = Sequential.Build(200, [new LayerSpec("embedding", "emb", Units: 128, VocabSize: 10000),
            new LayerSpec("lstm", "lstm", Units: 64), new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        var (x, _) = Tokens(rng.Fork("data"), 51, 200, 10000, 1);
        model.PredictPrefixes(x[..200], 200);
        var sw = Clock.StartNew();
        for (int r = 1; r <= 50; r++) model.PredictPrefixes(x[(r * 200)..((r + 1) * 200)], 200);
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds / 50, "s/review", "200 prefixes in one pass"));
    }

    /// <summary>GEMM throughput of the deterministic kernel on square and layer-shaped products (GFLOP/s in the note).</summary>
    public static BenchResult GemmThroughput(int threads)
    {
        var rng = new Rng(8);
        double peak = PeakPerCpuSecond();
        // NNVIZ_GEMM_PATH=tiled measures the unpacked path (the one before the packed kernel) for comparison.
        bool tiled = Environment.GetEnvironmentVariable("NNVIZ_GEMM_PATH") == "tiled";
        var notes = new List<string> { $"FMA peak {peak / 1e9:F1} GFLOP/s per CPU-second (register-only loop, one thread)" };
        double total = 0;
        foreach (var (m, k, n, at) in GemmShapes())
        {
            int aRow = at ? 1 : k, aCol = at ? m : 1; // at: C = Aᵀ·B with A stored k x m (a weight gradient)
            var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
            for (int i = 0; i < a.Length; i++) a[i] = rng.NextFloat();
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextFloat();
            var opts = new ComputeOptions(threads);
            Action run = tiled ? () => NnViz.Engine.Kernels.Gemm.MultiplyTiled(a, aRow, aCol, b, n, c, n, m, k, n, false, opts)
                : () => NnViz.Engine.Kernels.Gemm.Multiply<float>(a, aRow, aCol, b, n, c, n, m, k, n, false, opts);
            run();
            int reps = (int)Math.Max(3, GemmFlopsPerRound / (2.0 * m * k * n));
            double s = double.MaxValue, cpu = double.MaxValue;
            for (int round = 0; round < GemmRounds; round++) // best round: the least disturbed by other processes
            {
                var sw = Clock.StartNew();
                for (int r = 0; r < reps; r++) run();
                s = Math.Min(s, sw.Elapsed.TotalSeconds); cpu = Math.Min(cpu, sw.Cpu);
            }
            total += s;
            double flop = 2.0 * m * k * n * reps / 1e9;
            notes.Add($"{m}x{k}x{n}{(at ? " (Aᵀ)" : "")}: {flop / s:F1} GFLOP/s wall, {flop / cpu:F1} per CPU-second = {flop * 1e9 / cpu / peak:P0} of peak");
        }
        return new BenchResult(total, "s", string.Join("; ", notes));
    }

    /// <summary>FLOPs per CPU-second of a register-only FMA loop: the best of five runs on this thread.</summary>
    private static double PeakPerCpuSecond()
    {
        NnViz.Engine.Kernels.PackedGemm.PeakFmaLoop(1000, out _);
        double best = 0;
        for (int r = 0; r < 5; r++)
        {
            var sw = Clock.StartNew();
            double flop = NnViz.Engine.Kernels.PackedGemm.PeakFmaLoop(20_000_000, out float sink);
            double cpu = sw.Cpu;
            if (float.IsNaN(sink)) throw new InvalidOperationException("peak loop diverged");
            best = Math.Max(best, flop / cpu);
        }
        return best;
    }
}

public static partial class Workloads
{
    /// <summary>Where an LSTM batch spends its time: forward alone (eval), and forward + backward + Adam.</summary>
    public static BenchResult LstmParts(int threads)
    {
        var rng = new Rng(5);
        const int batch = 64, steps = 200, reps = 10;
        var (x, y) = Tokens(rng.Fork("data"), batch, steps, 10000, 1);
        var model = Sequential.Build(steps, [new LayerSpec("embedding", "emb", Units: 128, VocabSize: 10000),
            new LayerSpec("lstm", "lstm", Units: 64), new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        var opt = new Adam(model.Parameters);
        var g = new float[batch];
        Trainer.Step(model, new BinaryCrossEntropy(), opt, x, y, g, batch);
        var sw = Clock.StartNew();
        for (int r = 0; r < reps; r++) model.Forward(model.InputFlow(x, batch), Mode.Train);
        double fwd = sw.Elapsed.TotalMilliseconds / reps;
        sw.Restart();
        for (int r = 0; r < reps; r++) { model.Forward(model.InputFlow(x, batch), Mode.Train); model.Backward(new Flow(g, batch, 1, 1)); }
        double fb = sw.Elapsed.TotalMilliseconds / reps;
        sw.Restart();
        for (int r = 0; r < reps; r++) opt.Step();
        double step = sw.Elapsed.TotalMilliseconds / reps;
        return Timed(sw, new BenchResult(fb / 1000, "s/batch", $"forward {fwd:F1} ms, backward {fb - fwd:F1} ms, adam {step:F1} ms"));
    }
}

public static partial class Workloads
{
    /// <summary>Not a timing: a SHA-256 over the parameters after a short MLP and BiLSTM training, to compare bits across
    /// thread counts and DOTNET_EnableAVX512=0 (compare.sh prints it for each setting).</summary>
    public static BenchResult Digest(int threads)
    {
        var sw = Clock.StartNew();
        var rng = new Rng(9);
        var bytes = new List<byte>();
        var (x, y) = Tokens(rng.Fork("data"), 96, 30, 500, 6);
        var seq = Sequential.Build(30, [new LayerSpec("embedding", "emb", Units: 16, VocabSize: 500, MaskZero: true),
            new LayerSpec("bidirectional", "bilstm", Units: 24, ReturnSequences: true), new LayerSpec("global_max_pooling1d", "pool"),
            new LayerSpec("dropout", "drop", Rate: 0.3), new LayerSpec("dense", "out", 6)], rng);
        var mlp = Sequential.Build(30, [new LayerSpec("dense", "h", 40, "tanh"), new LayerSpec("dense", "s", 8, "sigmoid"), new LayerSpec("dense", "out", 6, "softmax")], rng);
        foreach (var (model, loss) in new (Sequential, ILoss)[] { (seq, new BinaryCrossEntropy(fromLogits: true)), (mlp, new SoftmaxCrossEntropy(fromLogits: false)) })
        {
            model.Compute = new ComputeOptions(threads, MinParallelWork: 0);
            var opt = new Adam(model.Parameters);
            for (int e = 0; e < 3; e++) Trainer.TrainEpoch(model, loss, opt, x, y, 96, 32, rng.Fork("shuffle"));
            foreach (var p in model.Parameters) foreach (float v in p.Value) bytes.AddRange(BitConverter.GetBytes(v));
        }
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()))[..16];
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s", $"sha256 {hash}"));
    }
}
